//! The ingest field API's `WriteField.move`/`overwrite`/`doc`/`docs` and `NestedDocument`
//! (server/src/main/java/org/elasticsearch/script/field/WriteField.java and NestedDocument.java,
//! allowlisted in org.elasticsearch.script.ingest.txt). Each script runs as a script processor
//! would (`execute_ingest`, which copies only the parts of `ctx` the script can reach), and the
//! expectation is the document afterwards, or the exception the script ends with.

mod painless_support;

use ingest_emu::painless::Script;
use ingest_emu::value::{json, Map, Value};
use serde_json::Value as J;

/// The document after `src` ran on `doc`, or `type: reason` of the script's exception.
fn after(src: &str, doc: &str) -> Result<J, String> {
    let script = Script::compile(src, &Map::new()).unwrap_or_else(|e| panic!("{src}: {e:?}"));
    let Ok(Value::Map(mut ctx)) = json::parse(doc, json::Duplicates::Reject) else {
        panic!("bad test document {doc}");
    };
    match script.execute_ingest(&mut ctx) {
        Ok(_) => Ok(serde_json::from_str(&Value::Map(ctx).to_json()).expect("json")),
        Err(e) => {
            let cause = &e.to_es_json()["caused_by"];
            Err(format!(
                "{}: {}",
                cause["type"].as_str().unwrap_or("?"),
                cause["reason"].as_str().unwrap_or("null")
            ))
        }
    }
}

/// (script, document before, document after or `type: reason`)
fn check(cases: &[(&str, &str, &str)]) {
    painless_support::assert_cases(cases, |(src, doc, want)| {
        let got = after(src, doc);
        let ok = match (&got, serde_json::from_str::<J>(want)) {
            (Ok(g), Ok(w)) => *g == w,
            (Err(g), Err(_)) => g == want,
            _ => false,
        };
        (!ok).then(|| format!("{src}\n  on:   {doc}\n  want: {want}\n  got:  {got:?}"))
    });
}

#[test]
fn move_and_overwrite() {
    check(&[
        // the report's repro: move creates the destination's depth, overwrite replaces, move
        // refuses a destination with values
        (
            "field('a').move('x.y'); field('b').overwrite('c'); \
             try { field('d').move('c'); } catch (IllegalArgumentException e) { ctx.err = e.getMessage(); }",
            r#"{"a":1,"b":2,"c":3,"d":4}"#,
            r#"{"c":2,"d":4,"x":{"y":1},"err":"Cannot move to non-empty destination [c]"}"#,
        ),
        // the destination's other keys stay (it is a path the script reaches, not only `a`)
        (
            "field('a').move('x.y')",
            r#"{"a":1,"x":{"k":2}}"#,
            r#"{"x":{"k":2,"y":1}}"#,
        ),
        (
            "['x.y'].forEach(p -> field('a').move(p))",
            r#"{"a":1,"x":{"k":2}}"#,
            r#"{"x":{"k":2,"y":1}}"#,
        ),
        (
            "void m(def p) { field('a').move(p) } m('x.y')",
            r#"{"a":1,"x":{"k":2}}"#,
            r#"{"x":{"k":2,"y":1}}"#,
        ),
        (
            "def f = field('a'); f.overwrite(params.isEmpty() ? 'x.z' : 'q')",
            r#"{"a":1,"x":{"k":2}}"#,
            r#"{"x":{"k":2,"z":1}}"#,
        ),
        // move checks isEmpty(), i.e. size() == 0: an empty list is empty, a null is one value
        ("field('a').move('c')", r#"{"a":1,"c":[]}"#, r#"{"c":1}"#),
        (
            "field('a').move('c')",
            r#"{"a":1,"c":null}"#,
            "illegal_argument_exception: Cannot move to non-empty destination [c]",
        ),
        // overwrite from a missing path removes the destination; moving nothing to nothing
        // changes nothing
        ("field('a').overwrite('b')", r#"{"b":1}"#, "{}"),
        ("field('a').move('b')", r#"{"z":1}"#, r#"{"z":1}"#),
        // the field now stands for the destination (setPath)
        (
            "def f = field('a'); f.move('b'); f.set(f.getName() + f.get(0))",
            r#"{"a":1}"#,
            r#"{"b":"b1"}"#,
        ),
        // the source is removed before the destination's depth is created (overwrite(String))
        (
            "try { field('a').overwrite('c.d') } catch (IllegalArgumentException e) { ctx.err = e.getMessage() }",
            r#"{"a":1,"c":3}"#,
            r#"{"c":3,"err":"Segment [0:'c'] has value [3] of type [java.lang.Integer]"}"#,
        ),
        // move(WriteField): the destination is resolved from the other field's root, here a
        // NestedDocument (doc() turned the map at b.m into a list and appended a new map)
        (
            "def d = field('b.m').doc(); field('a.k').move(d.field('z.q'))",
            r#"{"a":{"k":1},"b":{"m":{}}}"#,
            r#"{"a":{},"b":{"m":[{},{"z":{"q":1}}]}}"#,
        ),
        (
            "field('a').move(field('b'))",
            r#"{"a":1,"b":2}"#,
            "illegal_argument_exception: Cannot move to non-empty destination [b]",
        ),
        ("field('a').overwrite(field('b'))", r#"{"a":1,"b":2}"#, r#"{"b":1}"#),
        // move(Object)/overwrite(Object) take a String or a WriteField only
        (
            "field('a').move(5)",
            r#"{"a":1}"#,
            "illegal_argument_exception: Cannot call move with [5], must be String or WriteField, not [java.lang.Integer]",
        ),
        (
            "field('a').overwrite(null)",
            r#"{"a":1}"#,
            "illegal_argument_exception: Cannot call overwrite with [null], must be String or WriteField, not [null]",
        ),
    ]);
}

#[test]
fn doc_and_nested_document() {
    check(&[
        // doc() appends a new map, turning a single map into a list (getDocsAsList)
        (
            "def d = field('a').doc(); d.field('y').set(2); ctx.r = [d.size(), d.isEmpty(), d.exists()]",
            r#"{"a":{"x":1}}"#,
            r#"{"a":[{"x":1},{"y":2}],"r":[1,false,true]}"#,
        ),
        // on a missing path it sets the new map, creating the depth
        (
            "field('a.b').doc().field('c').set(1)",
            "{}",
            r#"{"a":{"b":{"c":1}}}"#,
        ),
        (
            "field('a').doc(); field('a').doc()",
            r#"{"a":[1]}"#,
            r#"{"a":[1,{},{}]}"#,
        ),
        // doc(int): an existing element, or empty maps up to the index
        (
            "field('a.b').doc(2).field('k').set(1)",
            "{}",
            r#"{"a":{"b":[{},{},{"k":1}]}}"#,
        ),
        (
            "field('a').doc(0).field('k').set(2)",
            r#"{"a":{"k":1}}"#,
            r#"{"a":[{"k":2}]}"#,
        ),
        // negative indexes: docs.get(-1) on the new empty list, new ArrayList<>(index + 1)
        (
            "field('a').doc(-1)",
            "{}",
            "index_out_of_bounds_exception: Index -1 out of bounds for length 0",
        ),
        (
            "field('a').doc(-2)",
            "{}",
            "illegal_argument_exception: Illegal Capacity: -1",
        ),
        (
            "field('a').doc(5)",
            r#"{"a":5}"#,
            "illegal_state_exception: Unexpected value [5] of type [java.lang.Integer] at path [a], expected Map or List of Map",
        ),
        (
            "field('a').doc()",
            r#"{"a":null}"#,
            "illegal_state_exception: Unexpected value [null] of type [null] at path [a], expected Map or List of Map",
        ),
        // the element is cast to Map, and NestedDocument's constructor requires it non-null
        (
            "field('a').doc(1)",
            r#"{"a":[{"k":1},"s"]}"#,
            "class_cast_exception: class java.lang.String cannot be cast to class java.util.Map (java.lang.String and java.util.Map are in module java.base of loader 'bootstrap')",
        ),
        ("field('a').doc(1)", r#"{"a":[{},null]}"#, "null_pointer_exception: null"),
        // NestedDocument.remove() removes its map from the list by reference (WriteField.remove(Object))
        (
            "def first = ctx.a[0]; field('a').doc(1).remove(); ctx.same = ctx.a[0] === first",
            r#"{"a":[{"k":1},{"k":1}]}"#,
            r#"{"a":[{"k":1}],"same":true}"#,
        ),
        (
            "def d = field('a').doc(0); d.remove(); ctx.r = d.exists()",
            r#"{"a":{"k":1}}"#,
            r#"{"a":[],"r":true}"#,
        ),
        // a single value is removed even if it is no longer the document's map: remove(Object)
        // compares the current value with itself (`container.get(leaf) == value`)
        (
            "def d = field('a').docs().iterator().next(); field('a').set(['o': 1]); d.remove()",
            r#"{"a":{"k":1}}"#,
            "{}",
        ),
        // a NestedDocument is no value (set/append)
        (
            "field('a').set(field('a').doc(0))",
            r#"{"a":{"k":1}}"#,
            "illegal_argument_exception: cannot set NestedDocument [{k=1}] as path [a]",
        ),
        (
            "field('b').append(field('a').doc(0))",
            r#"{"a":{"k":1}}"#,
            "illegal_argument_exception: cannot append NestedDocument [{k=1}] to path [b]",
        ),
        (
            "field('a').doc().fields('*')",
            "{}",
            "unsupported_operation_exception: unimplemented",
        ),
    ]);
}

#[test]
fn docs() {
    check(&[
        (
            "ctx.r = []; for (def d : field('a').docs()) { ctx.r.add(d.field('k').get(null)) }",
            r#"{"a":[{"k":1},{"k":2}]}"#,
            r#"{"a":[{"k":1},{"k":2}],"r":[1,2]}"#,
        ),
        (
            "ctx.r = []; field('a').docs().forEach(d -> ctx.r.add(d.size()))",
            r#"{"a":{"k":1}}"#,
            r#"{"a":{"k":1},"r":[1]}"#,
        ),
        (
            "ctx.r = field('a').docs().any(d -> d.size() > 1)",
            r#"{"a":[{"k":1},{"k":2,"m":3}]}"#,
            r#"{"a":[{"k":1},{"k":2,"m":3}],"r":true}"#,
        ),
        ("ctx.r = field('a').docs().iterator().hasNext()", "{}", r#"{"r":false}"#),
        // the list iterator counts only the maps it returned in its index
        (
            "for (def d : field('a').docs()) {}",
            r#"{"a":[{"k":1},"s",{"k":2}]}"#,
            "illegal_state_exception: Unexpected value [s] of type [java.lang.String] at [a] and index [1] for docs() iterator",
        ),
        (
            "field('a').docs()",
            r#"{"a":"x"}"#,
            "illegal_state_exception: Unexpected value [x] of type [java.lang.String] at [a] for docs()",
        ),
        // Iterator.remove(): the list's removes the element, the single map's the field
        (
            "def it = field('a').docs().iterator(); while (it.hasNext()) { if (it.next().field('k').get(0) == 2) { it.remove() } }",
            r#"{"a":[{"k":1},{"k":2},{"k":3}]}"#,
            r#"{"a":[{"k":1},{"k":3}]}"#,
        ),
        (
            "def it = field('a').docs().iterator(); def d = it.next(); it.remove(); ctx.r = [d.exists(), it.hasNext()]",
            r#"{"a":{"k":1}}"#,
            r#"{"r":[false,false]}"#,
        ),
        (
            "def it = field('a').docs().iterator(); it.remove()",
            r#"{"a":[{"k":1}]}"#,
            "illegal_state_exception: null",
        ),
        (
            "def it = field('a').docs().iterator(); it.next(); it.next()",
            r#"{"a":{"k":1}}"#,
            "no_such_element_exception: null",
        ),
    ]);
}
