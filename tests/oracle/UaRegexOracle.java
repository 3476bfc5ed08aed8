// Oracle for tests/useragent_java_oracle.rs: runs java.util.regex the way Elasticsearch's UserAgentParser
// does (Pattern.compile with CASE_INSENSITIVE for regex_flag 'i', Matcher.find) and prints, for each
// agent and section, the index of the first matching pattern and its groups.
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class UaRegexOracle {
    public static void main(String[] args) throws Exception {
        List<String> patternLines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        List<String> agents = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        List<Pattern> patterns = new ArrayList<>();
        for (String line : patternLines) {
            // "<i|->\t<pattern>"
            boolean ci = line.charAt(0) == 'i';
            String p = line.substring(2);
            patterns.add(ci ? Pattern.compile(p, Pattern.CASE_INSENSITIVE) : Pattern.compile(p));
        }
        StringBuilder out = new StringBuilder();
        for (String agent : agents) {
            int found = -1;
            Matcher m = null;
            for (int i = 0; i < patterns.size(); i++) {
                Matcher mm = patterns.get(i).matcher(agent);
                if (mm.find()) {
                    found = i;
                    m = mm;
                    break;
                }
            }
            out.append(found);
            if (m != null) {
                for (int g = 0; g <= m.groupCount(); g++) {
                    String s = m.group(g);
                    out.append('\t').append(s == null ? "\u0000" : s);
                }
            }
            out.append('\n');
        }
        Files.writeString(Path.of(args[2]), out.toString(), StandardCharsets.UTF_8);
    }
}
