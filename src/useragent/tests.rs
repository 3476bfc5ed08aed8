use super::*;

const REGEXES_YAML: &str = include_str!("../../data/user-agent/regexes.yaml");
const DEVICE_TYPES_YAML: &str = include_str!("../../data/user-agent/device_types.yml");

/// The JSON that build.rs makes of the bundled files reads back as the YAML does.
#[test]
fn bundled_json_is_the_yaml() {
    for (json, yaml) in [
        (BUNDLED_REGEXES, REGEXES_YAML),
        (BUNDLED_DEVICE_TYPES, DEVICE_TYPES_YAML),
    ] {
        let from_json = load_lists(json).unwrap();
        assert!(!from_json.is_empty());
        assert_eq!(from_json, load_lists(DataText::Yaml(yaml)).unwrap());
    }
}

fn out(ua: &str) -> String {
    let p = UserAgentParser::bundled();
    let d = p.parse(ua);
    Value::Map(build_output(&d, ua, &Property::ALL, false)).to_json()
}

#[test]
fn bundled_compiles_and_reports_fallbacks() {
    let p = UserAgentParser::bundled();
    p.compile_all()
        .expect("bundled regexes.yaml and device_types.yml compile");
    for f in p.fallbacks() {
        eprintln!("fallback: {} ({})", f.pattern, f.reason);
    }
    assert!(p.has_device_types());
}

#[test]
fn firefox_mac_legacy_trailing_dot() {
    let ua = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:72.0) Gecko/20100101 Firefox/72.0";
    let d = UserAgentParser::bundled().parse(ua);
    let m = build_output(&d, ua, &Property::ALL, false);
    assert_eq!(m.get("name").unwrap().as_str(), Some("Firefox"));
    assert_eq!(m.get("version").unwrap().as_str(), Some("72.0."));
    let os = m.get("os").unwrap().as_map().unwrap();
    assert_eq!(os.get("full").unwrap().as_str(), Some("Mac OS X 10.15"));
    assert_eq!(os.get("version").unwrap().as_str(), Some("10.15"));
    let dev = m.get("device").unwrap().as_map().unwrap();
    assert_eq!(dev.get("name").unwrap().as_str(), Some("Mac"));
    let fixed = build_output_with(&d, ua, &Property::ALL, false, VersionFormat::Fixed);
    assert_eq!(fixed.get("version").unwrap().as_str(), Some("72.0"));
}

#[test]
fn other_and_unknown() {
    let s = out("blah");
    assert_eq!(
        s,
        r#"{"name":"Other","device":{"name":"Other"},"original":"blah"}"#
    );
}

#[test]
fn chrome() {
    let ua = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/112.0.0.0 Safari/537.36";
    let d = UserAgentParser::bundled().parse(ua);
    let m = build_output(&d, ua, &Property::ALL, true);
    assert_eq!(m.get("version").unwrap().as_str(), Some("112.0.0.0"));
    let dev = m.get("device").unwrap().as_map().unwrap();
    assert_eq!(dev.get("type").unwrap().as_str(), Some("Desktop"));
}

#[test]
fn properties() {
    assert_eq!(
        Property::parse_list(Some(&["version".to_string(), "NAME".to_string()])).unwrap(),
        vec![Property::Name, Property::Version]
    );
    assert_eq!(
        Property::parse("foo").unwrap_err(),
        "illegal property value [foo]. valid values are [NAME, OS, DEVICE, ORIGINAL, VERSION]"
    );
    let ua = "curl/7.68.0";
    let d = UserAgentParser::bundled().parse(ua);
    let m = build_output(&d, ua, &[Property::Version, Property::Name], false);
    assert_eq!(
        Value::Map(m).to_json(),
        r#"{"name":"curl","version":"7.68.0"}"#
    );
}

#[test]
fn device_types() {
    let p = UserAgentParser::bundled();
    let cases = [
        ("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "Robot"),
        ("Mozilla/5.0 (iPad; CPU OS 12_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1 Mobile/15E148 Safari/604.1", "Tablet"),
        ("Mozilla/5.0 (iPhone; CPU iPhone OS 15_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.4 Mobile/15E148 Safari/604.1", "Phone"),
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36", "Desktop"),
        ("Mozilla/5.0 (Linux; Android 10; SM-T510) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/88.0.4324.93 Safari/537.36", "Tablet"),
        ("Site24x7", "Robot"),
        ("blah", "Other"),
    ];
    for (ua, t) in cases {
        let d = p.parse(ua);
        let m = build_output(&d, ua, &[Property::Device], true);
        let dev = m.get("device").unwrap().as_map().unwrap();
        assert_eq!(dev.get("type").unwrap().as_str(), Some(t), "{ua}");
    }
}

#[test]
fn name_replacement_first_dollar_one_only() {
    let yaml = "user_agent_parsers:\n  - regex: '(Foo)/(\\d+)'\n    family_replacement: '$1 $1 Bar'\n    v1_replacement: '$2'\n";
    let p = UserAgentParser::from_yaml("x", yaml, None, 10).unwrap();
    let d = p.parse("Foo/3");
    let ua = d.user_agent.as_ref().unwrap();
    assert_eq!(ua.name, "Foo $1 Bar");
    assert_eq!(ua.major.as_deref(), Some("$2"));
}

#[test]
fn invalid_files() {
    assert_eq!(
        UserAgentParser::from_yaml("x", "foo: []\n", None, 10).unwrap_err(),
        "not a valid regular expression file"
    );
    let ps = UserAgentParsers::bundled_only();
    assert_eq!(
        ps.get("missing.yml").unwrap_err(),
        "regex file [missing.yml] doesn't exist (has to exist at node startup)"
    );
    assert!(ps.get(DEFAULT_PARSER_NAME).is_ok());
}

#[test]
fn parse_from_threads() {
    let p = UserAgentParser::bundled();
    std::thread::scope(|s| {
        for i in 0..4 {
            let p = p.clone();
            s.spawn(move || {
                for j in 0..50 {
                    let ua = format!("curl/7.{}.{}", i, j);
                    let d = p.parse(&ua);
                    assert_eq!(d.user_agent.as_ref().unwrap().name, "curl");
                }
            });
        }
    });
}

#[test]
fn custom_regex_dir() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("custom.yml"),
        "user_agent_parsers:\n  - regex: '(MyApp)/(\\d+)\\.(\\d+)'\nos_parsers:\n  - regex: '(Plan9)'\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("ignored.txt"), "x").unwrap();
    let ps = UserAgentParsers::with_dir(dir.path()).unwrap();
    let p = ps.get("custom.yml").unwrap();
    let ua = "MyApp/2.5 Plan9";
    let d = p.parse(ua);
    let m = build_output(&d, ua, &Property::ALL, true);
    assert_eq!(
        Value::Map(m).to_json(),
        r#"{"name":"MyApp","os":{"name":"Plan9"},"device":{"name":"Other","type":"Other"},"original":"MyApp/2.5 Plan9","version":"2.5"}"#
    );
    assert!(ps.get("ignored.txt").is_err());
}

#[test]
fn custom_file_with_bad_regex_rejected_at_load() {
    let yaml = "user_agent_parsers:\n  - regex: '(Foo'\n";
    let err = UserAgentParser::from_yaml("x", yaml, None, 10).unwrap_err();
    assert!(err.contains("cannot compile regex [(Foo]"), "{err}");
}

#[test]
fn bundled_compiles_lazily_and_agrees_with_eager() {
    let lazy = UserAgentParser::from_text(
        "lazy",
        BUNDLED_REGEXES,
        Some(BUNDLED_DEVICE_TYPES),
        10,
        true,
    )
    .unwrap();
    let compiled = |p: &UserAgentParser| {
        p.all_patterns()
            .filter(|r| r.compiled.get().is_some())
            .count()
    };
    assert_eq!(compiled(&lazy), 0);
    let eager =
        UserAgentParser::from_yaml("eager", REGEXES_YAML, Some(DEVICE_TYPES_YAML), 10).unwrap();
    let total = eager.all_patterns().count();
    assert_eq!(compiled(&eager), total);
    let chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
    assert_eq!(lazy.parse_uncached(chrome), eager.parse_uncached(chrome));
    assert!(compiled(&lazy) < total);
    for ua in [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
        "curl/8.4.0",
        "blah",
    ] {
        assert_eq!(lazy.parse_uncached(ua), eager.parse_uncached(ua), "{ua}");
    }
    lazy.compile_all().unwrap();
    assert_eq!(compiled(&lazy), total);
    assert_eq!(lazy.fallbacks(), eager.fallbacks());
}

/// The required-text filter never turns down an agent that a pattern matches: every bundled
/// pattern, run without the filter on every test agent, only matches agents holding its text.
#[test]
fn required_text_is_in_every_match() {
    let parser =
        UserAgentParser::from_yaml("eager", REGEXES_YAML, Some(DEVICE_TYPES_YAML), 10).unwrap();
    let agents: Vec<&str> = include_str!("../../tests/data/user_agents.txt")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let mut filtered = 0;
    for regex in parser.all_patterns() {
        if regex.requirement().is_empty() {
            continue;
        }
        filtered += 1;
        let compiled = regex.get().unwrap();
        for agent in &agents {
            if compiled.find_groups(agent).is_some() {
                assert!(
                    regex.requirement().holds(agent),
                    "[{}] matches [{agent}] without {:?}",
                    regex.source,
                    regex.requirement()
                );
            }
        }
    }
    // most patterns have required text: the filter is doing its job
    assert!(
        filtered * 10 > parser.all_patterns().count() * 8,
        "{filtered}"
    );
}
