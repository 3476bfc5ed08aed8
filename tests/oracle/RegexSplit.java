import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Oracle for the Java-regex layer. Each stdin line is "pattern TAB input TAB limit TAB replacement"
 * with pattern, input and replacement hex-encoded UTF-8; prints hex(the Pattern.split parts joined by
 * U+0001, TAB, replaceAll(input, "_"), TAB, number of parts, TAB, matches(), TAB, replaceAll(input,
 * replacement) or "ERR:" and the exception's simple class name and message).
 */
public class RegexSplit {
    static String unhex(String h) {
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    static String hex(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            sb.append(String.format("%02x", b & 0xff));
        }
        return sb.toString();
    }

    public static void main(String[] args) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String line;
        while ((line = r.readLine()) != null) {
            String[] f = line.split("\t", -1);
            Pattern p = Pattern.compile(unhex(f[0]));
            String input = unhex(f[1]);
            String[] parts = p.split(input, Integer.parseInt(f[2]));
            String replaced;
            try {
                replaced = p.matcher(input).replaceAll(unhex(f[3]));
            } catch (RuntimeException e) {
                replaced = "ERR:" + e.getClass().getSimpleName() + ":" + e.getMessage();
            }
            out.println(hex(String.join("\u0001", parts) + "\t" + p.matcher(input).replaceAll("_") + "\t" + parts.length
                + "\t" + p.matcher(input).matches() + "\t" + replaced));
        }
    }
}
