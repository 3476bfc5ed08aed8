use ingest_emu::painless::run_for_cli;

fn run(s: &str) -> String {
    run_for_cli(
        s,
        None,
        Some(&serde_json::json!({"a": {"b": "x"}, "n": 5, "l": [1, 2, 3]})),
    )
    .to_string()
}

#[test]
fn smoke() {
    for s in [
        "1 + 2",
        "int x = 5; x / 2",
        "def x = [1,2,3]; x.length",
        "ctx.a.b",
        "ctx?.a?.c == null",
        "['a','b'].contains(ctx.a.b)",
        "boolean drop(Object o) { if (o == null || o == '') { return true; } else if (o instanceof Map) { ((Map) o).values().removeIf(v -> drop(v)); return (((Map) o).size() == 0); } else if (o instanceof List) { ((List) o).removeIf(v -> drop(v)); return (((List) o).length == 0); } return false; } drop(ctx); ctx",
        "Integer.MAX_VALUE + 1",
        "1.0 / 3",
        "'abc'.substring(1)",
        "def m = [:]; m.x = 1; m['y'] = 2L; m",
        "/a.c/.matcher('xabcx').find()",
        "'abc' ==~ /a.c/",
        "String s = null; s.length()",
        "ctx.l[-1]",
        "ctx.l[5]",
        "for (int i = 0; i < 10; i++) { if (i == 3) { return i; } } return -1",
        "long x = 1; x << 40",
        "TreeSet t = new TreeSet(); t.add('b'); t.add('a'); t",
        "ctx.l.stream().map(x -> x * 2).collect(Collectors.toList())",
        "String.format('%05d|%s|%.2f', 42, 'hi', 3.14159)",
        "while (true) {}",
        "x + 1",
    ] {
        println!("{s}\n  => {}", run(s));
    }
}

#[test]
fn smoke2() {
    for s in [
        "TreeSet t = new TreeSet(); t.add('username@elastic.co'); t.add('00u1abvz4pYqdM8ms4x6'); t",
        "TreeSet t = new TreeSet(); t.add('b'); t.add('a'); t.add('c'); t.add('0'); t",
    ] {
        println!("{s}\n  => {}", run(s));
    }
}

#[test]
fn smoke3() {
    let s = ingest_emu::painless::Script::compile("TreeSet t = new TreeSet(); t.add('username@elastic.co'); t.add('00u1abvz4pYqdM8ms4x6'); return t", &Default::default()).unwrap();
    let r = s.evaluate(&mut Default::default()).unwrap();
    println!("{:?}", r);
}

#[test]
fn smoke4() {
    let src = r#"boolean addValue(Set entities, String value) {
          if (value == null || value == "" || value == "unknown") {
            return false;
          }
          return entities.add(value);
        }
        TreeSet related = new TreeSet();
        addValue(related, field("json.actor.id").get(null));
        addValue(related, field("json.actor.alternateId").get(null));
        field("related.entity").set(related);
        return related"#;
    let s = ingest_emu::painless::Script::compile(src, &Default::default()).unwrap();
    let mut ctx = match ingest_emu::value::Value::from_json_str(
        r#"{"json":{"actor":{"id":"00u1abvz4pYqdM8ms4x6","alternateId":"username@elastic.co"}}}"#,
    )
    .unwrap()
    {
        ingest_emu::value::Value::Map(m) => m,
        _ => panic!(),
    };
    let r = s.evaluate(&mut ctx).unwrap();
    println!("{:?}\n{:?}", r, ctx);
}
