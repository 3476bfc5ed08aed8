//! Checks the Java-to-`regex`-crate translation of every bundled uap-core pattern against
//! `java.util.regex` itself: for each test agent and each section, the first matching pattern and its
//! groups must be the same.

mod oracle_support;

use ingest_emu::useragent::UserAgentParser;

#[test]
fn bundled_patterns_match_like_java() {
    if !oracle_support::jdk_available() {
        return;
    }
    let tmp = oracle_support::compile(&["UaRegexOracle.java"], &[]);
    let agents: Vec<&str> = include_str!("data/user_agents.txt")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let agents_file = tmp.path().join("agents.txt");
    std::fs::write(&agents_file, agents.join("\n") + "\n").unwrap();
    let parser = UserAgentParser::bundled();
    let mut mismatches = 0;
    for section in ["user_agent_parsers", "os_parsers", "device_parsers"] {
        let pats = parser.section_patterns(section);
        let lines: Vec<String> = pats
            .iter()
            .map(|(p, ci)| format!("{}\t{}", if *ci { 'i' } else { '-' }, p))
            .collect();
        let pat_file = tmp.path().join(format!("{section}.txt"));
        std::fs::write(&pat_file, lines.join("\n") + "\n").unwrap();
        let out_file = tmp.path().join(format!("{section}.out"));
        let st = oracle_support::java(tmp.path(), &[])
            .arg("UaRegexOracle")
            .arg(&pat_file)
            .arg(&agents_file)
            .arg(&out_file)
            .status()
            .unwrap();
        assert!(st.success());
        let java = std::fs::read_to_string(&out_file).unwrap();
        for (agent, jline) in agents.iter().zip(java.lines()) {
            let ours = match parser.first_match_groups(section, agent) {
                None => "-1".to_string(),
                Some((i, groups)) => {
                    let mut s = i.to_string();
                    for g in groups {
                        s.push('\t');
                        s.push_str(g.as_deref().unwrap_or("\u{0}"));
                    }
                    s
                }
            };
            if ours != jline {
                mismatches += 1;
                println!("MISMATCH {section} {agent}\n  ours: {ours:?}\n  java: {jline:?}");
            }
        }
    }
    assert_eq!(mismatches, 0);
}
