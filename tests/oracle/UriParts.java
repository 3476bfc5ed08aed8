import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** Oracle for uri_parts: one input per stdin line; prints what URI (or the URL fallback) reports. */
public class UriParts {
    static String s(Object o) {
        return o == null ? "<null>" : o.toString();
    }

    public static void main(String[] args) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String line;
        while ((line = r.readLine()) != null) {
            try {
                URI u = new URI(line);
                out.println(String.join("\t", "URI", s(u.getScheme()), s(u.getHost()), String.valueOf(u.getPort()),
                    s(u.getUserInfo()), s(u.getPath()), s(u.getQuery()), s(u.getFragment())));
                continue;
            } catch (URISyntaxException e) {
                // fall back to URL, as UriPartsProcessor does
            }
            try {
                URL u = new URL(line);
                out.println(String.join("\t", "URL", s(u.getProtocol()), s(u.getHost()), String.valueOf(u.getPort()),
                    s(u.getUserInfo()), s(u.getPath()), s(u.getQuery()), s(u.getRef())));
            } catch (MalformedURLException e) {
                out.println("ERR");
            }
        }
    }
}
