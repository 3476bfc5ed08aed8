import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jcodings.specific.UTF8Encoding;
import org.joni.Matcher;
import org.joni.NameEntry;
import org.joni.Option;
import org.joni.Regex;
import org.joni.Region;

/**
 * Oracle for grok matching: compiles an already expanded grok expression (group names `NAME:field[:type]`)
 * with Joni as Elasticsearch does (UTF-8, Option.DEFAULT, Ruby syntax), searches the text, and collects the
 * captures the way Elasticsearch's capture extraction is documented to: one entry per name-table entry, the
 * first participating group of that name, the name split on ':' (field = 2nd part, type = 3rd part when there
 * are exactly 3), and a field seen again turned into a list.
 *
 * Input lines: expression \u0001 text (\u0004 and \u0005 standing for \n and \r in the text). Output lines: NOMATCH | ERR:message | entries joined by \u0001, each
 * field \u0002 value, a value being S:string | I:int | L:long | F:floatbits | D:doublebits | B:bool | X:error,
 * lists as [ v \u0003 v ... ].
 */
public class JoniGrok {
    static String encode(Object v) {
        if (v instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) sb.append('\u0003');
                sb.append(encode(list.get(i)));
            }
            return sb.append(']').toString();
        }
        if (v instanceof Integer i) return "I:" + i;
        if (v instanceof Long l) return "L:" + l;
        if (v instanceof Float f) return "F:" + Float.floatToIntBits(f);
        if (v instanceof Double d) return "D:" + Double.doubleToLongBits(d);
        if (v instanceof Boolean b) return "B:" + b;
        return "S:" + v.toString().replace('\n', '\u0004').replace('\r', '\u0005');
    }

    static Object convert(String type, String s) {
        switch (type) {
            case "int": return Integer.parseInt(s);
            case "long": return Long.parseLong(s);
            case "float": return Float.parseFloat(s);
            case "double": return Double.parseDouble(s);
            case "boolean": return Boolean.parseBoolean(s);
            default: return s;
        }
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            int sep = line.indexOf('\u0001');
            String expr = line.substring(0, sep);
            // \u0004 in the text stands for a newline (the protocol is line based).
            byte[] text = line.substring(sep + 1).replace('\u0004', '\n').replace('\u0005', '\r').getBytes(StandardCharsets.UTF_8);
            Regex regex;
            try {
                byte[] e = expr.getBytes(StandardCharsets.UTF_8);
                regex = new Regex(e, 0, e.length, Option.DEFAULT, UTF8Encoding.INSTANCE, msg -> {});
            } catch (Exception ex) {
                System.out.println("ERR:" + ex.getMessage());
                continue;
            }
            Matcher m = regex.matcher(text, 0, text.length);
            int r;
            try {
                r = m.search(0, text.length, Option.DEFAULT);
            } catch (RuntimeException ex) {
                System.out.println("EXC:" + ex);
                continue;
            }
            if (r < 0) {
                System.out.println("NOMATCH");
                continue;
            }
            Region region = m.getEagerRegion();
            Map<String, Object> result = new LinkedHashMap<>();
            String error = null;
            if (regex.numberOfNames() > 0) {
                for (Iterator<NameEntry> it = regex.namedBackrefIterator(); it.hasNext();) {
                    NameEntry e = it.next();
                    String name = new String(e.name, e.nameP, e.nameEnd - e.nameP, StandardCharsets.UTF_8);
                    String[] parts = name.split(":");
                    if (parts.length == 0) {
                        error = "Index 0 out of bounds for length 0";
                        break;
                    }
                    String field = parts.length >= 2 ? parts[1] : parts[0];
                    String type = parts.length == 3 ? parts[2] : "string";
                    for (int g : e.getBackRefs()) {
                        if (region.beg[g] >= 0) {
                            String raw = new String(text, region.beg[g], region.end[g] - region.beg[g], StandardCharsets.UTF_8);
                            Object value;
                            try {
                                value = convert(type, raw);
                            } catch (NumberFormatException nfe) {
                                error = nfe.getMessage();
                                break;
                            }
                            if (result.containsKey(field)) {
                                Object old = result.get(field);
                                if (old instanceof ArrayList<?>) {
                                    @SuppressWarnings("unchecked")
                                    ArrayList<Object> l = (ArrayList<Object>) old;
                                    l.add(value);
                                } else {
                                    ArrayList<Object> l = new ArrayList<>();
                                    l.add(old);
                                    l.add(value);
                                    result.put(field, l);
                                }
                            } else {
                                result.put(field, value);
                            }
                            break;
                        }
                    }
                    if (error != null) break;
                }
            }
            if (error != null) {
                System.out.println("X:" + error);
                continue;
            }
            StringBuilder sb = new StringBuilder("MATCH");
            for (Map.Entry<String, Object> e : result.entrySet()) {
                sb.append('\u0001').append(e.getKey()).append('\u0002').append(encode(e.getValue()));
            }
            System.out.println(sb);
        }
    }
}
