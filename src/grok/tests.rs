//! Unit tests for the grok engine. Test names say which Elasticsearch behaviour they pin (class in brackets).

use super::*;

fn s(v: &str) -> Value {
    Value::String(v.to_string())
}

fn pats(p: &[&str]) -> Vec<String> {
    p.iter().map(|x| x.to_string()).collect()
}

fn defs(d: &[(&str, &str)]) -> Vec<(String, String)> {
    d.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

fn compile(p: &[&str], d: &[(&str, &str)]) -> Grok {
    Grok::compile(&pats(p), &defs(d), EcsCompatibility::Disabled)
        .unwrap_or_else(|e| panic!("{p:?}: {e}"))
}

fn compile_err(p: &[&str], d: &[(&str, &str)]) -> String {
    Grok::compile(&pats(p), &defs(d), EcsCompatibility::Disabled)
        .expect_err("expected a compile error")
}

fn fields(g: &Grok, text: &str) -> Vec<(String, Value)> {
    g.try_match(text)
        .expect("no match error")
        .expect("should match")
        .fields
}

fn f(list: &[(&str, Value)]) -> Vec<(String, Value)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

// ---- Okta pipeline usages (../shared/conformance/okta) ----

#[test]
fn okta_user_name_from_email_is_a_search_not_a_full_match() {
    let g = compile(&["%{USER:user.name}"], &[]);
    assert_eq!(
        fields(&g, "username@elastic.co"),
        f(&[("user.name", s("username"))])
    );
}

#[test]
fn okta_risk_level_notspace() {
    let g = compile(&["level=%{NOTSPACE:_risk_object.level}"], &[]);
    assert_eq!(
        fields(&g, "{level=LOW}"),
        f(&[("_risk_object.level", s("LOW}"))])
    );
    assert_eq!(
        fields(
            &g,
            "{reasons=Anomalous Device, Anomalous Location, level=HIGH}"
        ),
        f(&[("_risk_object.level", s("HIGH}"))])
    );
}

#[test]
fn okta_risk_reasons_two_patterns_with_custom_key() {
    let g = compile(
        &[
            "reasons=%{DATA:_risk_object.reasons}, %{KEY}",
            "reasons=%{DATA:_risk_object.reasons}$",
        ],
        &[("KEY", "%{NOTSPACE}=")],
    );
    let m = g
        .try_match("{reasons=Anomalous Device, Anomalous Location, level=HIGH}")
        .unwrap()
        .unwrap();
    assert_eq!(m.pattern_index, 0);
    assert_eq!(
        m.fields,
        f(&[(
            "_risk_object.reasons",
            s("Anomalous Device, Anomalous Location")
        )])
    );
    let m = g.try_match("reasons=Anomalous Device").unwrap().unwrap();
    assert_eq!(m.pattern_index, 1);
    // Same group name in both alternatives: one GrokCaptureConfig, one value (not a list).
    assert_eq!(
        m.fields,
        f(&[("_risk_object.reasons", s("Anomalous Device"))])
    );
    assert!(g.try_match("{level=LOW}").unwrap().is_none());
}

// ---- capture syntax (Grok.toRegex, GrokCaptureConfig) ----

#[test]
fn reference_without_field_captures_nothing() {
    let g = compile(&["%{WORD} %{INT:n}"], &[]);
    assert_eq!(fields(&g, "abc 12"), f(&[("n", s("12"))]));
}

#[test]
fn reference_with_field_captures_string() {
    let g = compile(&["%{IP:client}"], &[]);
    assert_eq!(
        fields(&g, "from 10.0.0.1 x"),
        f(&[("client", s("10.0.0.1"))])
    );
}

#[test]
fn typed_captures_convert_like_grok_capture_type() {
    let g = compile(
        &["%{INT:i:int} %{INT:l:long} %{NUMBER:f:float} %{NUMBER:d:double} %{WORD:b:boolean} %{WORD:t:string}"],
        &[],
    );
    assert_eq!(
        fields(&g, "12 9000000000 1.5 2.25 TRUE x"),
        f(&[
            ("i", Value::Int(12)),
            ("l", Value::Long(9_000_000_000)),
            ("f", Value::Float(1.5)),
            ("d", Value::Double(2.25)),
            ("b", Value::Bool(true)),
            ("t", s("x")),
        ])
    );
    // Boolean.parseBoolean: anything but "true" (any case) is false.
    assert_eq!(
        fields(&g, "1 2 3 4 yes x")[4],
        ("b".to_string(), Value::Bool(false))
    );
}

#[test]
fn unknown_type_keeps_string() {
    // GrokCaptureType.fromString: default -> STRING.
    let g = compile(&["%{INT:n:integer} %{INT:m:INT}"], &[]);
    assert_eq!(fields(&g, "1 2"), f(&[("n", s("1")), ("m", s("2"))]));
}

#[test]
fn more_than_three_parts_is_a_string_field_named_by_the_second_part() {
    // GrokCaptureConfig: name = parts[1] when >= 2 parts, type only when exactly 3 parts.
    let g = compile(&["%{INT:n:int:extra}"], &[]);
    assert_eq!(fields(&g, "7"), f(&[("n", s("7"))]));
}

#[test]
fn int_conversion_failure_is_number_format_exception() {
    let g = compile(&["%{WORD:n:int}"], &[]);
    let e = g.try_match("abc").unwrap_err();
    assert_eq!(e.es_type, "number_format_exception");
    assert_eq!(e.reason, "For input string: \"abc\"");
    // Integer overflow fails too (Integer.parseInt), long does not.
    let g = compile(&["%{INT:n:int}"], &[]);
    assert_eq!(
        g.try_match("3000000000").unwrap_err().reason,
        "For input string: \"3000000000\""
    );
    let g = compile(&["%{INT:n:long}"], &[]);
    assert_eq!(
        fields(&g, "3000000000"),
        f(&[("n", Value::Long(3_000_000_000))])
    );
    // match_str reads a conversion failure as no match.
    let g = compile(&["%{WORD:n:float}"], &[]);
    assert!(g.match_str("abc").is_none());
    assert_eq!(
        g.try_match("abc").unwrap_err().reason,
        "For input string: \"abc\""
    );
}

#[test]
fn inline_named_groups_are_fields() {
    let g = compile(&[r"(?<user.id>\d+)-(?<other>[a-z]+)"], &[]);
    assert_eq!(
        fields(&g, "42-abc"),
        f(&[("user.id", s("42")), ("other", s("abc"))])
    );
}

#[test]
fn inline_named_group_with_type_suffix_is_typed() {
    // The group name goes through the same split as %{..} names: "x:n:int" -> field n, type int.
    let g = compile(&[r"(?<x:n:int>\d+)"], &[]);
    assert_eq!(fields(&g, "42"), f(&[("n", Value::Int(42))]));
}

#[test]
fn bracket_field_names_are_kept_literally() {
    // GrokCaptureConfig does not rewrite [a][b]; GrokProcessor then sets a field literally named "[a][b]".
    let g = compile(&["%{WORD:[a][b]}"], &[]);
    assert_eq!(fields(&g, "x"), f(&[("[a][b]", s("x"))]));
}

#[test]
fn same_group_name_twice_takes_first_participating_group() {
    // Same full group name "WORD:a" -> one NameEntry with two back-refs -> first matched one wins.
    let g = compile(&["%{WORD:a} %{WORD:a}"], &[]);
    assert_eq!(fields(&g, "x y"), f(&[("a", s("x"))]));
}

#[test]
fn same_field_from_different_group_names_becomes_a_list() {
    // GrokCaptureExtracter.MapExtracter: a second config emitting the same key turns it into a list.
    let g = compile(&["%{WORD:a} %{INT:a} %{NUMBER:a}"], &[]);
    assert_eq!(
        fields(&g, "x 1 2"),
        f(&[("a", Value::List(vec![s("x"), s("1"), s("2")]))])
    );
}

#[test]
fn list_flattening_when_only_one_optional_part_matches() {
    // MapExtracter comment: %{SINGLEDIGIT:name}(%{SINGLEDIGIT:name})? with "1" -> name: 1; "12" -> [1, 2].
    // (With the same NAME:field both groups share one config; different pattern names make two configs.)
    let g = compile(
        &["%{DIGIT:name}(%{DIGIT2:name})?"],
        &[("DIGIT", "[0-9]"), ("DIGIT2", "[0-9]")],
    );
    assert_eq!(fields(&g, "1"), f(&[("name", s("1"))]));
    assert_eq!(
        fields(&g, "12"),
        f(&[("name", Value::List(vec![s("1"), s("2")]))])
    );
}

#[test]
fn unmatched_optional_groups_produce_nothing() {
    let g = compile(&["%{WORD:a}(?: %{INT:b})?"], &[]);
    assert_eq!(fields(&g, "x"), f(&[("a", s("x"))]));
}

#[test]
fn field_order_is_first_appearance_in_expression() {
    let g = compile(&["(?:%{INT:z}|%{WORD:a}) %{WORD:m}"], &[]);
    assert_eq!(
        fields(&g, "abc def"),
        f(&[("a", s("abc")), ("m", s("def"))])
    );
    assert_eq!(fields(&g, "12 def"), f(&[("z", s("12")), ("m", s("def"))]));
}

#[test]
fn empty_capture_is_an_empty_string() {
    let g = compile(&["a%{DATA:x}b"], &[]);
    assert_eq!(fields(&g, "ab"), f(&[("x", s(""))]));
}

#[test]
fn no_match_is_none() {
    let g = compile(&["^%{INT:n}$"], &[]);
    assert!(g.try_match("abc").unwrap().is_none());
    assert!(g.match_str("abc").is_none());
}

#[test]
fn utf8_text_captures_by_byte_offsets() {
    let g = compile(&["%{GREEDYDATA:m}"], &[]);
    assert_eq!(fields(&g, "héllo ✓"), f(&[("m", s("héllo ✓"))]));
}

#[test]
fn custom_definition_overrides_builtin() {
    let g = compile(&["%{WORD:w}"], &[("WORD", "[0-9]+")]);
    assert_eq!(fields(&g, "abc 123"), f(&[("w", s("123"))]));
}

#[test]
fn custom_definitions_may_reference_builtins_and_each_other() {
    let g = compile(
        &["%{PAIR:p}"],
        &[("PAIR", "%{KEY}%{INT:v:int}"), ("KEY", "%{WORD:k}=")],
    );
    assert_eq!(
        fields(&g, "x=5"),
        f(&[("p", s("x=5")), ("k", s("x")), ("v", Value::Int(5))])
    );
}

#[test]
fn definition_syntax_in_reference_is_ignored() {
    // Grok.toRegex: the "=definition" part is parsed but not used ("TODO(tal): Support definitions").
    let g = compile(&["%{INT:n=[a-z]+}"], &[]);
    assert_eq!(fields(&g, "abc 12"), f(&[("n", s("12"))]));
}

#[test]
fn patterns_are_one_alternation_leftmost_match_wins() {
    // GrokProcessor.combinePatterns: (?:p0)|(?:p1) searched once, so an earlier position beats pattern order.
    let g = compile(&["b%{INT:n}", "a%{INT:n}"], &[]);
    let m = g.try_match("a1 b2").unwrap().unwrap();
    assert_eq!(m.pattern_index, 1);
    assert_eq!(m.fields, f(&[("n", s("1"))]));
    let m = g.try_match("b2 a1").unwrap().unwrap();
    assert_eq!(m.pattern_index, 0);
}

#[test]
fn first_pattern_wins_at_same_position() {
    let g = compile(&["%{WORD:w}", "%{GREEDYDATA:all}"], &[]);
    let m = g.try_match("abc def").unwrap().unwrap();
    assert_eq!(m.pattern_index, 0);
    assert_eq!(m.fields, f(&[("w", s("abc"))]));
}

#[test]
fn numbered_backreference_still_compiles_with_several_patterns_without_fields() {
    // ES (trace_match off) wraps in (?:..), so numbered back-references work while no named group exists.
    let g = compile(&[r"(a)\1x", "%{INT}"], &[]);
    let m = g.try_match("aax").unwrap().unwrap();
    assert_eq!(m.pattern_index, 0);
    let m = g.try_match("12").unwrap().unwrap();
    assert_eq!(m.pattern_index, 1);
    assert!(m.fields.is_empty());
}

#[test]
fn numbered_backreference_next_to_named_group_is_an_error() {
    // Ruby syntax (Joni and Oniguruma): named groups forbid numbered back-references.
    assert_eq!(
        compile_err(&[r"(a)\1x", "%{INT:n}"], &[]),
        "numbered backref/call is not allowed. (use name)"
    );
}

#[test]
fn named_backreference_uses_original_name() {
    let g = compile(&[r"(?<q>['\x22])%{WORD:w}\k<q>"], &[]);
    assert_eq!(fields(&g, "'abc'"), f(&[("q", s("'")), ("w", s("abc"))]));
}

// ---- errors (Grok, PatternBank, GrokProcessor.Factory) ----

#[test]
fn error_empty_patterns_list() {
    assert_eq!(
        Grok::compile(&[], &[], EcsCompatibility::Disabled).unwrap_err(),
        "List of patterns must not be empty"
    );
}

#[test]
fn error_unknown_pattern() {
    assert_eq!(
        compile_err(&["%{NOPE:x}"], &[]),
        "Unable to find pattern [NOPE] in Grok's pattern dictionary"
    );
    assert_eq!(
        compile_err(&["%{WORD} %{NOPE}"], &[]),
        "Unable to find pattern [NOPE] in Grok's pattern dictionary"
    );
}

#[test]
fn error_self_reference() {
    assert_eq!(
        compile_err(&["%{A}"], &[("A", "x%{A}")]),
        "circular reference detected: A->A"
    );
}

#[test]
fn error_circular_reference_path() {
    assert_eq!(
        compile_err(&["%{A}"], &[("A", "%{B}"), ("B", "%{C:x}"), ("C", "%{A}")]),
        "circular reference detected: A->B->C->A"
    );
}

#[test]
fn error_definition_referencing_missing_pattern_even_if_unused() {
    // PatternBank checks every definition when the bank is extended.
    assert_eq!(
        compile_err(&["%{WORD}"], &[("K", "%{MISSING}")]),
        "pattern [K] is referencing a non-existent pattern [MISSING]"
    );
}

#[test]
fn error_definition_with_unterminated_reference() {
    assert_eq!(
        compile_err(&["%{WORD}"], &[("K", "%{MISSING")]),
        "pattern [%{MISSING] has an invalid syntax"
    );
}

#[test]
fn error_invalid_regex_reports_oniguruma_message() {
    assert_eq!(
        compile_err(&["(%{WORD}"], &[]),
        "end pattern with unmatched parenthesis"
    );
    assert_eq!(compile_err(&["[a"], &[]), "premature end of char-class");
    assert_eq!(
        compile_err(&[r"\k<nope>"], &[]),
        "undefined name <nope> reference"
    );
}

#[test]
fn ecs_compatibility_parse() {
    assert_eq!(
        "disabled".parse::<EcsCompatibility>(),
        Ok(EcsCompatibility::Disabled)
    );
    assert_eq!("v1".parse::<EcsCompatibility>(), Ok(EcsCompatibility::V1));
    assert_eq!(
        "V1".parse::<EcsCompatibility>(),
        Err("unsupported mode 'V1'".to_string())
    );
    assert_eq!(EcsCompatibility::default(), EcsCompatibility::Disabled);
}

#[test]
fn pathological_regex_hits_retry_limit_with_es_error() {
    // Catastrophic backtracking: ES's MatcherWatchdog interrupts it; here Oniguruma's retry limit does.
    let g = compile(&[r"^(\w+\s?)*$"], &[]);
    let text = format!("{}!", "a".repeat(30));
    let e = g.try_match(&text).unwrap_err();
    assert_eq!(e.es_type, "runtime_exception");
    assert_eq!(
        e.reason,
        "grok pattern matching was interrupted after [1000] ms"
    );
}

// ---- built-in banks ----

#[test]
fn builtin_banks_have_no_circular_or_dangling_references() {
    for ecs in [EcsCompatibility::Disabled, EcsCompatibility::V1] {
        let bank = PatternBank::new(ecs, &[]).unwrap();
        bank.forbid_circular_references().unwrap();
    }
}

#[test]
fn every_es_edit_applies_exactly_once() {
    for edit in builtin::ES_EDITS {
        let files = builtin_pattern_files(edit.set);
        let raw: Vec<(&str, String)> = files
            .iter()
            .flat_map(|(_, text)| parse_pattern_file(text))
            .map(|(n, p)| {
                let p = if edit.set == EcsCompatibility::V1 {
                    builtin::dotted_field_names(p)
                } else {
                    p.to_string()
                };
                (n, p)
            })
            .collect();
        let found: Vec<&(&str, String)> = raw.iter().filter(|(n, _)| *n == edit.name).collect();
        if edit.from.is_empty() {
            assert!(
                found.is_empty(),
                "{} already defined ({})",
                edit.name,
                edit.why
            );
        } else {
            assert_eq!(found.len(), 1, "{} ({})", edit.name, edit.why);
            assert_eq!(
                found[0].1.matches(edit.from).count(),
                1,
                "{} ({})",
                edit.name,
                edit.why
            );
        }
        let now = builtin_pattern(edit.set, edit.name).unwrap();
        assert!(now.contains(edit.to), "{} ({})", edit.name, edit.why);
    }
}

#[test]
fn ecs_v1_names_are_dotted() {
    assert_eq!(
        builtin_pattern(EcsCompatibility::V1, "SYSLOGPROG"),
        Some(r"%{PROG:process.name}(?:\[%{POSINT:process.pid:int}\])?")
    );
    for name in builtin_pattern_names(EcsCompatibility::V1) {
        let p = builtin_pattern(EcsCompatibility::V1, name).unwrap();
        assert!(!p.contains(":[") || !p.contains("]}"), "{name}: {p}");
    }
}

#[test]
fn dotted_rewrite_rules() {
    use builtin::dotted_field_names as d;
    assert_eq!(d("%{IP:[source][ip]}"), "%{IP:source.ip}");
    assert_eq!(d("%{INT:[a][b]:int}"), "%{INT:a.b:int}");
    assert_eq!(d("(?<[a][b]>x)"), "(?<a.b>x)");
    assert_eq!(
        d(r"\[%{HTTPDATE:timestamp}\] [^@]"),
        r"\[%{HTTPDATE:timestamp}\] [^@]"
    );
    assert_eq!(d("%{WORD:plain}"), "%{WORD:plain}");
}

#[test]
fn pattern_file_parsing_follows_grok_builtin_patterns() {
    let parsed = parse_pattern_file("  # c\n\nA   x y  \n\tB\t(?:z)\nLONE\nC \n");
    assert_eq!(parsed, vec![("A", "x y  "), ("B", "(?:z)"), ("C", "")]);
}

#[test]
fn builtin_pattern_regex_text_is_available() {
    assert_eq!(
        builtin_pattern(EcsCompatibility::Disabled, "USER"),
        Some("%{USERNAME}")
    );
    assert_eq!(builtin_pattern(EcsCompatibility::Disabled, "NOPE"), None);
    let names = builtin_pattern_names(EcsCompatibility::Disabled);
    assert_eq!(names.first(), Some(&"S3_REQUEST_LINE"));
    assert!(names.contains(&"ISO8601_HOUR"));
    assert!(!builtin_pattern_names(EcsCompatibility::V1).contains(&"ISO8601_HOUR"));
}

#[test]
fn es_legacy_timestamp_uses_iso8601_hour() {
    let g = compile(&["^%{TIMESTAMP_ISO8601:t}$"], &[]);
    assert!(g.try_match("2024-01-02T03:04:05Z").unwrap().is_some());
    // ISO8601_HOUR needs two digits in ES's legacy set.
    assert!(g.try_match("2024-01-02T3:04:05Z").unwrap().is_none());
    let g = Grok::compile(
        &pats(&["^%{TIMESTAMP_ISO8601:t}$"]),
        &[],
        EcsCompatibility::V1,
    )
    .unwrap();
    assert!(g.try_match("2024-01-02T3:04:05Z").unwrap().is_some());
}

#[test]
fn grok_is_shareable_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Grok>();
    let g = std::sync::Arc::new(compile(&["%{INT:n:int}"], &[]));
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let g = g.clone();
            std::thread::spawn(move || fields(&g, &format!("x {i}")))
        })
        .collect();
    for (i, h) in handles.into_iter().enumerate() {
        assert_eq!(h.join().unwrap(), f(&[("n", Value::Int(i as i32))]));
    }
}
