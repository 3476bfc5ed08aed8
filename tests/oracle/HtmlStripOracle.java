// Test oracle for `html_strip`: ES HtmlStripProcessor.process on Lucene's HTMLStripCharFilter.
// Needs lucene-core and lucene-analysis-common on the class path. One hex-encoded UTF-8 input per
// line, one hex-encoded output per line.
import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;
import java.io.*;
import java.nio.charset.StandardCharsets;

public class HtmlStripOracle {
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

    static String process(String value) throws IOException {
        if (value.contains("<") == false || value.contains(">") == false) {
            return value;
        }
        StringBuilder builder = new StringBuilder();
        try (HTMLStripCharFilter filter = new HTMLStripCharFilter(new StringReader(value))) {
            int ch;
            while ((ch = filter.read()) != -1) builder.append((char) ch);
        }
        return builder.toString();
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, true, "UTF-8");
        String line;
        while ((line = in.readLine()) != null) out.println(hex(process(unhex(line))));
    }
}
