//! Mustache templates as Elasticsearch's ingest node evaluates them (lang-mustache on mustache.java, with
//! ES's `CustomMustacheFactory`: JSON escaping by default, `toJson`, `join`, `url` functions).
//!
//! A template without `{{` is a constant (ES `ConfigurationUtils.compileTemplate`), so most option
//! values never go through the renderer.

use crate::document::IngestDocument;
use crate::value::Value;
use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// `application/json` (the default): `{{x}}` escapes as inside a JSON string.
    Json,
    /// `text/plain`: no escaping.
    Plain,
    /// `application/x-www-form-urlencoded`.
    Url,
}

impl Encoding {
    /// ES `set`/`append` `media_type` option.
    pub fn from_media_type(media_type: &str) -> Result<Encoding, String> {
        match media_type {
            "application/json"
            | "application/json;charset=utf-8"
            | "application/json; charset=UTF-8" => Ok(Encoding::Json),
            "text/plain" => Ok(Encoding::Plain),
            "application/x-www-form-urlencoded" => Ok(Encoding::Url),
            other => Err(format!(
                "property does not contain a supported media type [{other}]"
            )),
        }
    }
}

/// A failure while rendering: mustache.java lets the exception of ES's collection wrapper
/// (`CustomReflectionObjectHandler.CollectionMap`) escape, and the template script fails.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// The Java exception, as ES names it (`index_out_of_bounds_exception`).
    pub exception: &'static str,
    pub message: String,
}

#[derive(Debug, Clone)]
enum Node {
    Text(String),
    Var {
        name: String,
        escape: bool,
    },
    Section {
        name: String,
        inverted: bool,
        children: Vec<Node>,
    },
    ToJson(String),
    Join {
        name: String,
        delimiter: String,
    },
    Url(Vec<Node>),
}

#[derive(Debug, Clone)]
pub struct Template {
    source: String,
    nodes: Option<Vec<Node>>,
    encoding: Encoding,
}

impl Template {
    pub fn compile(text: &str) -> Result<Template, String> {
        Template::compile_with(text, Encoding::Json)
    }

    pub fn compile_with(text: &str, encoding: Encoding) -> Result<Template, String> {
        if !text.contains("{{") {
            return Ok(Template {
                source: text.to_string(),
                nodes: None,
                encoding,
            });
        }
        let mut parser = Parser { src: text, pos: 0 };
        let nodes = parser.parse_nodes(None)?;
        Ok(Template {
            source: text.to_string(),
            nodes: Some(nodes),
            encoding,
        })
    }

    /// The template text as configured.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The constant text, when the template has no tags.
    pub fn as_constant(&self) -> Option<&str> {
        match self.nodes {
            None => Some(&self.source),
            Some(_) => None,
        }
    }

    pub fn render(&self, doc: &IngestDocument) -> Result<String, TemplateError> {
        match &self.nodes {
            None => Ok(self.source.clone()),
            Some(nodes) => {
                let mut out = String::new();
                let mut scopes: Vec<Cow<Value>> = Vec::new();
                render_nodes(nodes, doc, &mut scopes, self.encoding, &mut out)?;
                Ok(out)
            }
        }
    }
}

struct Parser<'a> {
    src: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn parse_nodes(&mut self, closing: Option<&str>) -> Result<Vec<Node>, String> {
        let mut nodes = Vec::new();
        loop {
            let rest = &self.src[self.pos..];
            let Some(start) = rest.find("{{") else {
                if !rest.is_empty() {
                    nodes.push(Node::Text(rest.to_string()));
                }
                self.pos = self.src.len();
                if let Some(name) = closing {
                    return Err(format!("Mismatched start/end tags: {name} != "));
                }
                return Ok(nodes);
            };
            if start > 0 {
                nodes.push(Node::Text(rest[..start].to_string()));
            }
            let tag_start = self.pos + start + 2;
            let triple = self.src[tag_start..].starts_with('{');
            let (body_start, terminator) = if triple {
                (tag_start + 1, "}}}")
            } else {
                (tag_start, "}}")
            };
            let Some(end) = self.src[body_start..].find(terminator) else {
                return Err(format!(
                    "Improperly closed variable in template at position {}",
                    self.pos + start
                ));
            };
            let raw = &self.src[body_start..body_start + end];
            let body = raw.trim();
            self.pos = body_start + end + terminator.len();
            if triple {
                // mustache.java reads `{{{#x}}}` as an unescaped variable literally named `#x`.
                nodes.push(Node::Var {
                    name: body.to_string(),
                    escape: false,
                });
                continue;
            }
            // mustache.java takes the sigil from the tag's first character as written: in
            // `{{ #a }}` that is a space, so the tag is a variable named `#a`, not a section
            let (sigil, name) = match raw.chars().next() {
                Some(c @ ('#' | '^' | '/' | '&' | '!' | '>' | '=' | '<' | '$')) => {
                    (Some(c), body[c.len_utf8()..].trim())
                }
                _ => (None, body),
            };
            match sigil {
                None => nodes.push(Node::Var {
                    name: name.to_string(),
                    escape: true,
                }),
                Some('&') => nodes.push(Node::Var {
                    name: name.to_string(),
                    escape: false,
                }),
                Some('!') => {}
                Some('#') | Some('^') | Some('$') => {
                    let children = self.parse_nodes(Some(name))?;
                    nodes.push(section_node(name, sigil == Some('^'), children)?);
                }
                Some('/') => {
                    return match closing {
                        Some(open) if open == name => Ok(nodes),
                        Some(open) => Err(format!("Mismatched start/end tags: {open} != {name}")),
                        None => Err(format!("Mismatched start/end tags: null != {name}")),
                    };
                }
                Some('>') | Some('<') => {
                    return Err(format!("Template partials are not supported: [{name}]"));
                }
                Some('=') => {
                    return Err("Changing template delimiters is not supported".into());
                }
                Some(_) => unreachable!("all sigils handled"),
            }
        }
    }
}

fn section_node(name: &str, inverted: bool, children: Vec<Node>) -> Result<Node, String> {
    if inverted {
        return Ok(Node::Section {
            name: name.to_string(),
            inverted,
            children,
        });
    }
    let single_identifier = || -> Result<String, String> {
        match children.as_slice() {
            [Node::Text(t)] => Ok(t.clone()),
            [Node::Var { name, .. }] => Ok(name.clone()),
            _ => Err(format!(
                "Mustache function [{name}] must contain one and only one identifier"
            )),
        }
    };
    if name.eq_ignore_ascii_case("toJson") {
        return Ok(Node::ToJson(single_identifier()?));
    }
    if name.eq_ignore_ascii_case("join") {
        return Ok(Node::Join {
            name: single_identifier()?,
            delimiter: ",".into(),
        });
    }
    if let Some(rest) = name.strip_prefix("join delimiter='") {
        if let Some(delimiter) = rest.strip_suffix('\'') {
            return Ok(Node::Join {
                name: single_identifier()?,
                delimiter: delimiter.to_string(),
            });
        }
    }
    if name.eq_ignore_ascii_case("url") {
        return Ok(Node::Url(children));
    }
    Ok(Node::Section {
        name: name.to_string(),
        inverted,
        children,
    })
}

type Found<'a> = Result<Option<Cow<'a, Value>>, TemplateError>;

/// Resolves a name against the section scopes (innermost first), then the document.
fn lookup<'a>(name: &str, doc: &'a IngestDocument, scopes: &[Cow<'a, Value>]) -> Found<'a> {
    if name == "." {
        return Ok(scopes.last().cloned());
    }
    let first = name.split('.').next().unwrap_or(name);
    for scope in scopes.iter().rev() {
        if let Value::Map(m) = &**scope {
            if m.contains_key(first) {
                return match scope {
                    Cow::Borrowed(v) => walk(v, Some(name)),
                    // only a collection's size is owned, and it is no map
                    Cow::Owned(_) => Ok(None),
                };
            }
        }
    }
    match name {
        "_source" => return Ok(Some(Cow::Owned(Value::Map(doc.ctx_in_java_order())))),
        "_ingest" => return Ok(Some(Cow::Owned(Value::Map(doc.ingest.clone())))),
        _ => {}
    }
    match doc.template_base(name) {
        Some((base, rest)) => walk(base, rest),
        None => Ok(None),
    }
}

/// Follows the dotted `path` from `current`. Lists and sets answer as ES's `CollectionMap`:
/// `size`, and an index through `Iterables.get`, which fails outside the collection (and the
/// template with it); any other key is absent.
fn walk<'a>(current: &'a Value, path: Option<&str>) -> Found<'a> {
    let Some(path) = path else {
        return Ok(Some(Cow::Borrowed(current)));
    };
    let mut current = current;
    let mut keys = path.split('.').peekable();
    while let Some(key) = keys.next() {
        let len = match current {
            Value::Map(m) => match m.get(key) {
                Some(v) => {
                    current = v;
                    continue;
                }
                None => return Ok(None),
            },
            Value::List(l) => l.len(),
            Value::Set(s) => s.items.len(),
            _ => return Ok(None),
        };
        if key == "size" {
            // an Integer has no members for the names after it
            return Ok(keys
                .peek()
                .is_none()
                .then(|| Cow::Owned(Value::Int(len as i32))));
        }
        let Some(index) = crate::java::parse_int(key) else {
            return Ok(None);
        };
        if index < 0 {
            return Err(TemplateError {
                exception: "illegal_argument_exception",
                message: "position >= 0".into(),
            });
        }
        if index as usize >= len {
            return Err(TemplateError {
                exception: "index_out_of_bounds_exception",
                message: index.to_string(),
            });
        }
        current = match current {
            Value::Set(s) => &s.items[s.java_order()[index as usize]],
            Value::List(l) => &l[index as usize],
            _ => return Ok(None),
        };
    }
    Ok(Some(Cow::Borrowed(current)))
}

fn is_truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::String(s) => !s.is_empty(),
        Value::List(l) => !l.is_empty(),
        Value::Set(s) => !s.items.is_empty(),
        _ => true,
    }
}

fn render_nodes<'a>(
    nodes: &'a [Node],
    doc: &'a IngestDocument,
    scopes: &mut Vec<Cow<'a, Value>>,
    encoding: Encoding,
    out: &mut String,
) -> Result<(), TemplateError> {
    for node in nodes {
        match node {
            Node::Text(t) => out.push_str(t),
            Node::Var { name, escape } => {
                // mustache.java's ValueCode writes nothing for null.
                if let Some(v) = lookup(name, doc, scopes)?.filter(|v| !v.is_null()) {
                    let text = stringify(&v);
                    if *escape {
                        encode(&text, encoding, out);
                    } else {
                        out.push_str(&text);
                    }
                }
            }
            Node::Section {
                name,
                inverted,
                children,
            } => {
                let value = lookup(name, doc, scopes)?;
                let truthy = value.as_deref().is_some_and(is_truthy);
                if *inverted {
                    if !truthy {
                        render_nodes(children, doc, scopes, encoding, out)?;
                    }
                    continue;
                }
                let Some(value) = value.filter(|_| truthy) else {
                    continue;
                };
                match value {
                    Cow::Borrowed(Value::List(items)) => {
                        for item in items {
                            scopes.push(Cow::Borrowed(item));
                            let done = render_nodes(children, doc, scopes, encoding, out);
                            scopes.pop();
                            done?;
                        }
                    }
                    Cow::Borrowed(Value::Bool(true)) => {
                        render_nodes(children, doc, scopes, encoding, out)?
                    }
                    other => {
                        scopes.push(other);
                        let done = render_nodes(children, doc, scopes, encoding, out);
                        scopes.pop();
                        done?;
                    }
                }
            }
            Node::ToJson(name) => {
                if let Some(v) = lookup(name, doc, scopes)? {
                    match &*v {
                        Value::List(_) | Value::Set(_) | Value::Map(_) => {
                            out.push_str(&v.to_json())
                        }
                        other => out.push_str(&stringify(other)),
                    }
                }
            }
            Node::Join { name, delimiter } => {
                if let Some(v) = lookup(name, doc, scopes)? {
                    match &*v {
                        Value::List(items) => {
                            let parts: Vec<String> =
                                items.iter().map(Value::to_java_string).collect();
                            out.push_str(&parts.join(delimiter));
                        }
                        other => out.push_str(&other.to_java_string()),
                    }
                }
            }
            Node::Url(children) => {
                let mut inner = String::new();
                render_nodes(children, doc, scopes, encoding, &mut inner)?;
                url_encode(&inner, out);
            }
        }
    }
    Ok(())
}

/// `Object.toString()`, as mustache.java's `stringify` does it, of what ES's
/// `CustomReflectionObjectHandler.coerce` makes of the value: a list or set becomes a
/// `CollectionMap`, a map from each item's index to the item, and prints as one (`{0=a, 1=b}`,
/// `{}`); the items themselves print as they are.
fn stringify(v: &Value) -> String {
    let items: Vec<&Value> = match v {
        Value::List(items) => items.iter().collect(),
        Value::Set(s) => s.java_order().into_iter().map(|i| &s.items[i]).collect(),
        _ => return v.to_java_string(),
    };
    let mut out = String::from("{");
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&i.to_string());
        out.push('=');
        crate::value::write_java_string(item, &mut out);
    }
    out.push('}');
    out
}

fn encode(text: &str, encoding: Encoding, out: &mut String) {
    match encoding {
        Encoding::Plain => out.push_str(text),
        Encoding::Url => url_encode(text, out),
        Encoding::Json => {
            let mut quoted = String::with_capacity(text.len() + 2);
            crate::value::json::write_string(text, &mut quoted);
            out.push_str(&quoted[1..quoted.len() - 1]);
        }
    }
}

/// `java.net.URLEncoder.encode(s, UTF_8)`.
fn url_encode(text: &str, out: &mut String) {
    for b in text.bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'.' | b'-' | b'*' | b'_' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => {
                use std::fmt::Write;
                let _ = write!(out, "%{:02X}", b);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Map;

    fn doc(json: &str) -> IngestDocument {
        let Value::Map(source) = Value::from_json_str(json).unwrap() else {
            panic!()
        };
        let mut d = IngestDocument::new(
            source,
            vec![("_index", "idx".into()), ("_id", "1".into())],
            crate::document::utc_timestamp(1_704_067_200, 0),
        );
        d.ingest
            .insert("on_failure_message", Value::from("bad \"x\""));
        d
    }

    fn render(t: &str, json: &str) -> String {
        Template::compile(t).unwrap().render(&doc(json)).unwrap()
    }

    fn render_error(t: &str, json: &str) -> TemplateError {
        Template::compile(t)
            .unwrap()
            .render(&doc(json))
            .unwrap_err()
    }

    /// ES's `CollectionMap`: `size`, indexes through `Iterables.get` (which throws outside the
    /// list, failing the template), and nothing else.
    #[test]
    fn lists_answer_size_and_fail_outside() {
        let list = r#"{"l":["a","b"],"e":[],"m":{"l":[{"x":1}]}}"#;
        assert_eq!(render("{{l.size}} {{e.size}} {{m.l.size}}", list), "2 0 1");
        assert_eq!(render("{{l.1}}{{l.01}}{{l.+0}}{{m.l.0.x}}", list), "bba1");
        assert_eq!(render("[{{l.x}}][{{l.size.x}}]", list), "[][]");
        assert_eq!(render("{{#l.size}}n={{.}}{{/l.size}}", list), "n=2");
        assert_eq!(
            render_error("{{l.5}}", list),
            TemplateError {
                exception: "index_out_of_bounds_exception",
                message: "5".into()
            }
        );
        assert_eq!(render_error("{{e.0}}", list).message, "0");
        assert_eq!(
            render_error("{{l.-1}}", list),
            TemplateError {
                exception: "illegal_argument_exception",
                message: "position >= 0".into()
            }
        );
        // in a section, in toJson, and under a key a section scope provides
        assert_eq!(render_error("{{#l}}{{l.2}}{{/l}}", list).message, "2");
        assert_eq!(render_error("{{#toJson}}e.3{{/toJson}}", list).message, "3");
        assert_eq!(render_error("{{#m}}{{l.1}}{{/m}}", list).message, "1");
    }

    #[test]
    fn constants_are_not_rendered() {
        let t = Template::compile("plain").unwrap();
        assert_eq!(t.as_constant(), Some("plain"));
    }

    #[test]
    fn variables_and_escaping() {
        assert_eq!(render("{{a.b}}", r#"{"a":{"b":"x\"y"}}"#), "x\\\"y");
        assert_eq!(render("{{{a.b}}}", r#"{"a":{"b":"x\"y"}}"#), "x\"y");
        assert_eq!(render("{{& a.b}}", r#"{"a":{"b":"<"}}"#), "<");
        assert_eq!(render("[{{missing}}]", "{}"), "[]");
        assert_eq!(render("[{{{n}}}|{{n}}]", r#"{"n":null}"#), "[|]");
        assert_eq!(render("{{_index}}/{{_id}}", "{}"), "idx/1");
        assert_eq!(render("{{n}} {{d}}", r#"{"n":1,"d":1.5}"#), "1 1.5");
        // a list is a `CollectionMap` (index to item); nested values print as themselves.
        // Elastic's vectra_detect expected output has `{0=00-00-5E-00-53-23}` from a list.
        assert_eq!(render("{{l}}", r#"{"l":["a","b"]}"#), "{0=a, 1=b}");
        assert_eq!(render("{{{l}}}", r#"{"l":[]}"#), "{}");
        assert_eq!(
            render("{{{l}}}", r#"{"l":[{"k":"v"},[1,2],null]}"#),
            "{0={k=v}, 1=[1, 2], 2=null}"
        );
        assert_eq!(
            render("{{#join}}l{{/join}}", r#"{"l":["a",["b"]]}"#),
            "a,[b]"
        );
        assert_eq!(
            render("{{{ _ingest.on_failure_message }}}", "{}"),
            "bad \"x\""
        );
        assert_eq!(
            render("{{_ingest.timestamp}}", "{}"),
            // ZonedDateTime.toString(): zero seconds are left out
            "2024-01-01T00:00Z"
        );
        assert_eq!(render("{{_source.a}}", r#"{"a":"s"}"#), "s");
        assert_eq!(render("{{l.1}}", r#"{"l":["a","b"]}"#), "b");
    }

    /// `IngestDocument`'s template model maps `_source` to the ctx map (source in `HashMap`
    /// order, then the metadata) and `_ingest` to the ingest metadata `HashMap`; mustache prints
    /// a map with `toString()` (orders checked with JDK 17).
    #[test]
    fn whole_source_and_ingest_maps() {
        assert_eq!(
            render("{{{_source}}}", r#"{"b":1,"a":"x"}"#),
            "{a=x, b=1, _index=idx, _id=1}"
        );
        assert_eq!(
            render("{{{_ingest}}}", "{}"),
            "{on_failure_message=bad \"x\", timestamp=2024-01-01T00:00Z}"
        );
        assert_eq!(
            render("{{#toJson}}_source{{/toJson}}", r#"{"b":1,"a":"x"}"#),
            r#"{"a":"x","b":1,"_index":"idx","_id":"1"}"#
        );
    }

    #[test]
    fn sections() {
        assert_eq!(render("{{#a}}yes{{/a}}", r#"{"a":true}"#), "yes");
        assert_eq!(render("{{#a}}yes{{/a}}", r#"{"a":""}"#), "");
        assert_eq!(render("{{^a}}no{{/a}}", r#"{}"#), "no");
        assert_eq!(render("{{#l}}<{{.}}>{{/l}}", r#"{"l":[1,2]}"#), "<1><2>");
        assert_eq!(render("{{#o}}{{k}}{{/o}}", r#"{"o":{"k":"v"}}"#), "v");
        // space after the braces: mustache.java (MustacheParser) reads a variable named `#a`
        assert_eq!(render("[{{ #a }}Z{{ /a }}]", r#"{"a":false}"#), "[Z]");
        assert_eq!(render("[{{ ^a }}Z{{ /a }}]", r#"{"a":true}"#), "[Z]");
        assert_eq!(render("[{{ &a }}|{{& a }}]", r#"{"a":"<"}"#), "[|<]");
        assert_eq!(render("[{{#a}}Z{{/a }}]", r#"{"a":true}"#), "[Z]");
    }

    #[test]
    fn triple_mustache_sections_are_variables() {
        // As in mustache.java: `{{{#x}}}` is a variable named "#x", which never resolves.
        assert_eq!(
            render("a{{{#_ingest.tag}}}b{{{/_ingest.tag}}}c", "{}"),
            "abc"
        );
    }

    #[test]
    fn functions() {
        assert_eq!(
            render("{{#toJson}}o{{/toJson}}", r#"{"o":{"a":[1,"x"]}}"#),
            r#"{"a":[1,"x"]}"#
        );
        assert_eq!(render("{{#join}}l{{/join}}", r#"{"l":["a","b"]}"#), "a,b");
        assert_eq!(
            render(
                "{{#join delimiter=' '}}l{{/join delimiter=' '}}",
                r#"{"l":["a","b"]}"#
            ),
            "a b"
        );
        assert_eq!(
            render("{{#url}}{{a}}{{/url}}", r#"{"a":"a b&c"}"#),
            "a+b%26c"
        );
    }

    #[test]
    fn errors() {
        assert!(Template::compile("{{#a}}x").is_err());
        assert!(Template::compile("{{a").is_err());
        assert!(Template::compile("{{#a}}x{{/b}}").is_err());
        let _ = Map::new();
    }
}
