import java.io.*;
import java.util.*;

/** Reads lines of tab-separated keys; prints the iteration order of a HashMap filled in that order,
 *  then of a HashSet copy made the way Elasticsearch's IngestDocument.deepCopy makes it. */
public class HashOrderOracle {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, "UTF-8"));
        PrintStream out = new PrintStream(System.out, true, "UTF-8");
        String line;
        while ((line = in.readLine()) != null) {
            String[] keys = line.split("\t", -1);
            Map<String, Integer> map = new HashMap<>();
            for (String k : keys) map.put(k, 1);
            int n = keys.length;
            int cap = n < 2 ? n + 1 : (int) (n / 0.75F + 1.0F);
            Set<String> copy = new HashSet<>(cap);
            copy.addAll(new TreeSet<>(Arrays.asList(keys)));
            out.println(String.join("\t", map.keySet()) + "|" + String.join("\t", copy));
        }
    }
}
