// Test oracle: answers java.util.regex / String.split / URLDecoder / Collections.sort questions so the
// Rust implementations can be compared with the JDK. One case per input line, tab-separated fields,
// each hex-encoded UTF-8; one answer per output line.
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.io.*;
import java.util.*;
import java.util.regex.*;

public class JavaOracle {
    static String unhex(String h) {
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        return new String(b, StandardCharsets.UTF_8);
    }

    static String hex(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) sb.append(String.format("%02x", b));
        return sb.toString();
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, true, "UTF-8");
        String line;
        while ((line = in.readLine()) != null) {
            String[] f = line.split("\t", -1);
            String op = f[0];
            try {
                switch (op) {
                    case "split": {
                        String[] parts = unhex(f[2]).split(unhex(f[1]), Integer.parseInt(f[3]));
                        StringBuilder sb = new StringBuilder("OK");
                        for (String p : parts) sb.append(' ').append(hex(p)).append('.');
                        out.println(sb);
                        break;
                    }
                    case "replace":
                        out.println("OK " + hex(Pattern.compile(unhex(f[1])).matcher(unhex(f[2])).replaceAll(unhex(f[3]))));
                        break;
                    case "compile":
                        Pattern.compile(unhex(f[1]));
                        out.println("OK");
                        break;
                    case "urldecode":
                        out.println("OK " + hex(URLDecoder.decode(unhex(f[1]), StandardCharsets.UTF_8)));
                        break;
                    default:
                        out.println("ERR " + hex("unknown op " + op));
                }
            } catch (Exception e) {
                out.println("ERR " + hex(e.getClass().getName() + ": " + e.getMessage()));
            }
        }
    }
}
