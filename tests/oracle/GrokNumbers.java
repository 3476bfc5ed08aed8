import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Oracle for grok's typed captures: prints, per input line, what GrokCaptureType's parsers return. */
public class GrokNumbers {
    interface Parse { String run(String s); }

    static String attempt(Parse p, String s) {
        try {
            return p.run(s);
        } catch (NumberFormatException e) {
            return "NFE:" + e.getMessage();
        }
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String s = line;
            System.out.println(String.join("\u0001",
                attempt(x -> Integer.toString(Integer.parseInt(x)), s),
                attempt(x -> Long.toString(Long.parseLong(x)), s),
                attempt(x -> Integer.toString(Float.floatToIntBits(Float.parseFloat(x))), s),
                attempt(x -> Long.toString(Double.doubleToLongBits(Double.parseDouble(x))), s),
                Boolean.toString(Boolean.parseBoolean(s))));
        }
    }
}
