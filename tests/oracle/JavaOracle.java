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

    static byte[] rawUnhex(String h) {
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        return b;
    }

    static String rawHex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) sb.append(String.format("%02x", b));
        return sb.toString();
    }

    static String hex(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) sb.append(String.format("%02x", b));
        return sb.toString();
    }

    static Object value(String s) {
        String v = s.length() > 2 ? s.substring(2) : "";
        switch (s.charAt(0)) {
            case 'i': return Integer.valueOf(v);
            case 'l': return Long.valueOf(v);
            case 'd': return Double.valueOf(v);
            case 'f': return Float.valueOf(v);
            case 's': return v;
            case 'b': return Boolean.valueOf(v);
            case 'n': return null;
            case 'm': return new HashMap<String, Object>();
            default: return new ArrayList<Object>();
        }
    }

    static String describe(Object o) {
        if (o == null) return "n";
        if (o instanceof Integer) return "i:" + o;
        if (o instanceof Long) return "l:" + o;
        if (o instanceof Double) return "d:" + o;
        if (o instanceof Float) return "f:" + o;
        if (o instanceof String) return "s:" + o;
        if (o instanceof Boolean) return "b:" + o;
        if (o instanceof Map) return "m";
        return "L";
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
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
                    case "sort": {
                        // f[1]: "asc" or "desc"; f[2..]: typed values (i: l: d: f: s: b: n m L)
                        List<Object> list = new ArrayList<>();
                        for (int i = 2; i < f.length; i++) list.add(value(unhex(f[i])));
                        if (f[1].equals("asc")) {
                            Collections.sort((List) list);
                        } else {
                            Collections.sort((List) list, Collections.reverseOrder());
                        }
                        StringBuilder sb = new StringBuilder("OK");
                        for (Object o : list) sb.append(' ').append(hex(describe(o)));
                        out.println(sb);
                        break;
                    }
                    case "double":
                        out.println("OK " + Long.toHexString(Double.doubleToRawLongBits(Double.parseDouble(unhex(f[1])))));
                        break;
                    case "utf8":
                        out.println("OK " + hex(new String(rawUnhex(f[1]), StandardCharsets.UTF_8)));
                        break;
                    case "base64": {
                        Base64.Decoder d = f[1].equals("url") ? Base64.getUrlDecoder()
                            : f[1].equals("mime") ? Base64.getMimeDecoder() : Base64.getDecoder();
                        out.println("OK " + rawHex(d.decode(rawUnhex(f[2]))));
                        break;
                    }
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
