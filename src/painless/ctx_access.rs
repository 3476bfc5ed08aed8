//! Which parts of `ctx` a script can reach, decided once at compile time.
//!
//! A script processor hands the interpreter a copy of the document and patches the changes back
//! afterwards. When every use of `ctx` in the main body is a chain of field accesses with fixed
//! names (`ctx.json`, `ctx.okta?.target`, `ctx['event']['kind']`), the script can neither see nor
//! change anything off those paths, so only they need copying and patching: a script that reads
//! `ctx.okta.target` costs the size of `target`, not of `okta` or of the whole document.
//!
//! The map at the end of a chain is reachable whole (the script may iterate it, pass it around,
//! call methods on it). A map in the middle of a chain is only ever asked for one named key, so a
//! copy holding just the named keys answers exactly as the full copy would. `.empty` is the one
//! field name that is not a key lookup on a map (the `isEmpty` getter shadows the key), so a chain
//! ends before it.
//!
//! `field('a.b.c')` and `$('a.b.c', default)` with a constant path resolve as `WriteField` does:
//! at each map, the next segment (`a`) if it holds a map, else the rest as one dotted key
//! (`a.b.c`). Both are reachable: the dotted key whole, the segment's map by the keys the rest of
//! the path can touch in it. The containers along the path are only read and written by key.
//!
//! `WriteField.move(path)`/`overwrite(path)` write at a second path: on `field('a')` with a
//! constant string that path is reachable too; any other `move`/`overwrite` call (the receiver
//! might be a field held in a variable, the destination a computed path) reaches everything.
//!
//! The field API can be used in script functions and lambda bodies as well, so they are walked
//! too (without treating their slot of `ctx` as `ctx`).
//!
//! Anything else (`ctx` stored in a variable, passed to a function, captured by a lambda,
//! iterated, a method called on it, `metadata()`, the field API with a computed path) makes the
//! whole document reachable, and the caller copies all of it.

use super::ast::*;
use std::sync::Arc;

/// The keys of one map a script can reach, in the order the script first names them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reach {
    pub keys: Vec<(Arc<str>, Need)>,
}

/// How much of the value under a reachable key a script needs.
#[derive(Debug, Clone, PartialEq)]
pub enum Need {
    /// All of it.
    Whole,
    /// If it is a map, only these keys of it; any other value, whole.
    Keys(Reach),
}

impl Reach {
    pub fn need(&self, key: &str) -> Option<&Need> {
        self.keys.iter().find(|(k, _)| &**k == key).map(|(_, n)| n)
    }

    /// The keys `WriteField` can touch resolving `path` from this map (`resolveDepthFlat`,
    /// `createDepth`): at every level, the next segment as a map to descend into, and the rest
    /// of the path as one dotted key.
    fn add_field_path(&mut self, path: &str) {
        self.add_whole(&[&Arc::from(path)]);
        let Some(dot) = path.find('.') else {
            return;
        };
        let segment: Arc<str> = Arc::from(&path[..dot]);
        let i = match self.keys.iter().position(|(k, _)| *k == segment) {
            Some(i) => i,
            None => {
                self.keys.push((segment, Need::Keys(Reach::default())));
                self.keys.len() - 1
            }
        };
        if let Need::Keys(inner) = &mut self.keys[i].1 {
            inner.add_field_path(&path[dot + 1..]);
        }
    }

    /// Marks the value at `path` (relative to this map) as needed whole.
    fn add_whole(&mut self, path: &[&Arc<str>]) {
        let Some((first, rest)) = path.split_first() else {
            return;
        };
        let i = match self.keys.iter().position(|(k, _)| k == *first) {
            Some(i) => i,
            None => {
                let need = if rest.is_empty() {
                    Need::Whole
                } else {
                    Need::Keys(Reach::default())
                };
                self.keys.push(((*first).clone(), need));
                self.keys.len() - 1
            }
        };
        match &mut self.keys[i].1 {
            Need::Whole => {}
            need @ Need::Keys(_) if rest.is_empty() => *need = Need::Whole,
            Need::Keys(inner) => inner.add_whole(rest),
        }
    }
}

/// What of `ctx` the main body can reach, or `None` when it can reach the whole `ctx`.
pub fn ctx_reach(program: &Program) -> Option<Reach> {
    let mut walk = Walk {
        reach: Reach::default(),
        whole: false,
        foreign: false,
    };
    walk.stmts(&program.main.body);
    // script functions and lambdas reach `ctx` only through what they are given (and the
    // main body's uses of that decide), but they can call the field API themselves
    walk.foreign = true;
    for f in &program.functions {
        walk.stmts(&f.body);
    }
    for l in &program.lambdas {
        match &l.body {
            LambdaBody::Expr(e) => walk.expr(e),
            LambdaBody::Block(body) => walk.stmts(body),
        }
    }
    if walk.whole {
        None
    } else {
        Some(walk.reach)
    }
}

/// The fixed path from `ctx` that `e` reads, when `e` is a chain of field accesses with constant
/// names rooted at `ctx`: `ctx.a?.b['c']` is `[a, b, c]`. A chain ends before a `.empty`.
fn ctx_path(e: &Expr) -> Option<Vec<&Arc<str>>> {
    let mut path = Vec::new();
    let mut cur = e;
    loop {
        match &cur.kind {
            ExprKind::Field { recv, name, .. } => {
                if &**name == "empty" {
                    // the getter, not the key: what it reads is all of its receiver
                    path.clear();
                } else {
                    path.push(name);
                }
                cur = recv;
            }
            ExprKind::Index { recv, index } => match &index.kind {
                ExprKind::Const(Const::Str(key)) => {
                    path.push(key);
                    cur = recv;
                }
                _ => return None,
            },
            ExprKind::Local(CTX_SLOT) => break,
            _ => return None,
        }
    }
    path.reverse();
    Some(path)
}

struct Walk {
    reach: Reach,
    whole: bool,
    /// Walking a function or lambda body, where the slot of `ctx` is some other variable.
    foreign: bool,
}

impl Walk {
    fn stmts(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Expr(e) | StmtKind::Throw(e) => self.expr(e),
            StmtKind::Return(e) => {
                if let Some(e) = e {
                    self.expr(e);
                }
            }
            StmtKind::Decl(decls) => {
                for (_, init) in decls {
                    if let Some(e) = init {
                        self.expr(e);
                    }
                }
            }
            StmtKind::If(c, then, otherwise) => {
                self.expr(c);
                self.stmts(then);
                if let Some(o) = otherwise {
                    self.stmts(o);
                }
            }
            StmtKind::While(c, body) | StmtKind::DoWhile(body, c) => {
                self.expr(c);
                self.stmts(body);
            }
            StmtKind::For {
                init,
                cond,
                update,
                body,
            } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(c) = cond {
                    self.expr(c);
                }
                for u in update {
                    self.expr(u);
                }
                self.stmts(body);
            }
            StmtKind::ForEach { iter, body, .. } => {
                self.expr(iter);
                self.stmts(body);
            }
            StmtKind::Block(body) => self.stmts(body),
            StmtKind::Try { body, catches } => {
                self.stmts(body);
                for c in catches {
                    self.stmts(&c.body);
                }
            }
            StmtKind::Break | StmtKind::Continue => {}
        }
    }

    fn exprs(&mut self, es: &[Expr]) {
        for e in es {
            self.expr(e);
        }
    }

    fn expr(&mut self, e: &Expr) {
        if self.whole {
            return;
        }
        match &e.kind {
            ExprKind::Local(slot) => {
                if *slot == CTX_SLOT && !self.foreign {
                    self.whole = true;
                }
            }
            ExprKind::Field { recv, .. } | ExprKind::Index { recv, .. } => {
                match ctx_path(e).filter(|_| !self.foreign) {
                    // a chain ending before `.empty` right at `ctx` reads the whole `ctx`
                    Some(path) if path.is_empty() => self.whole = true,
                    Some(path) => self.reach.add_whole(&path),
                    None => {
                        self.expr(recv);
                        if let ExprKind::Index { index, .. } = &e.kind {
                            self.expr(index);
                        }
                    }
                }
            }
            ExprKind::BuiltinCall(name, args) => match (*name, args.first()) {
                (
                    "field" | "$",
                    Some(Expr {
                        kind: ExprKind::Const(Const::Str(path)),
                        ..
                    }),
                ) => {
                    self.reach.add_field_path(path);
                    self.exprs(&args[1..]);
                }
                _ => self.whole = true,
            },
            ExprKind::Lambda(_, captures) => {
                if captures.contains(&CTX_SLOT) && !self.foreign {
                    self.whole = true;
                }
            }
            ExprKind::Const(_)
            | ExprKind::Regex(_)
            | ExprKind::StaticField { .. }
            | ExprKind::FnRef(FnRefKind::Static(..))
            | ExprKind::FnRef(FnRefKind::User(_))
            | ExprKind::FnRef(FnRefKind::Ctor(_)) => {}
            ExprKind::FnRef(FnRefKind::Bound(recv, _)) => self.expr(recv),
            ExprKind::ListInit(items)
            | ExprKind::New(_, items)
            | ExprKind::NewArray(_, items)
            | ExprKind::ArrayInit(_, items)
            | ExprKind::StaticCall { args: items, .. }
            | ExprKind::UserCall(_, items) => self.exprs(items),
            ExprKind::MapInit(pairs) => {
                for (k, v) in pairs {
                    self.expr(k);
                    self.expr(v);
                }
            }
            ExprKind::ConstContains(_, x)
            | ExprKind::Unary(_, x)
            | ExprKind::InstanceOf(x, _)
            | ExprKind::Cast(_, x)
            | ExprKind::IncDec { target: x, .. } => self.expr(x),
            ExprKind::Call {
                recv, name, args, ..
            } if matches!(&**name, "move" | "overwrite") && args.len() == 1 => {
                match (&recv.kind, &args[0].kind) {
                    (
                        ExprKind::BuiltinCall("field", field_args),
                        ExprKind::Const(Const::Str(dest)),
                    ) if matches!(
                        field_args.first().map(|a| &a.kind),
                        Some(ExprKind::Const(Const::Str(_)))
                    ) =>
                    {
                        self.reach.add_field_path(dest);
                        self.expr(recv);
                    }
                    _ => self.whole = true,
                }
            }
            ExprKind::Call { recv, args, .. } => {
                self.expr(recv);
                self.exprs(args);
            }
            ExprKind::Binary(_, a, b)
            | ExprKind::And(a, b)
            | ExprKind::Or(a, b)
            | ExprKind::Cmp(_, a, b)
            | ExprKind::Elvis(a, b)
            | ExprKind::Assign {
                target: a,
                value: b,
                ..
            } => {
                self.expr(a);
                self.expr(b);
            }
            ExprKind::Cond(c, a, b) => {
                self.expr(c);
                self.expr(a);
                self.expr(b);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reach as text: `a{b,c{d}},e`, where a key without braces is needed whole.
    fn reach(src: &str) -> Option<String> {
        fn show(r: &Reach) -> String {
            r.keys
                .iter()
                .map(|(k, need)| match need {
                    Need::Whole => k.to_string(),
                    Need::Keys(inner) => format!("{k}{{{}}}", show(inner)),
                })
                .collect::<Vec<_>>()
                .join(",")
        }
        let program = crate::painless::parser::parse(src).expect("parses");
        ctx_reach(&program).map(|r| show(&r))
    }

    #[test]
    fn field_accesses_name_their_paths() {
        assert_eq!(
            reach("ctx.a.b = 1; if (ctx?.c != null) { ctx['d'] = ctx.a; } ctx.a.x = 2").as_deref(),
            Some("a,c,d")
        );
        assert_eq!(reach("return 1").as_deref(), Some(""));
        assert_eq!(
            reach("field('a.b.c').set($('d', ctx.e))").as_deref(),
            Some("a.b.c,a{b.c,b{c}},d,e")
        );
        assert_eq!(
            reach("def t = ctx.okta?.target; ctx.okta.debug['risk'] = t; ctx.x.y.z++").as_deref(),
            Some("okta{target,debug{risk}},x{y{z}}")
        );
        // a whole value swallows the paths below it, whichever comes first
        assert_eq!(
            reach("ctx.a.b.c = 1; ctx.a.b.size(); ctx.a.d = ctx.a.b.e").as_deref(),
            Some("a{b,d}")
        );
        // `.empty` is a getter of the map, not a key of it
        assert_eq!(reach("ctx.r = ctx.a.b.empty").as_deref(), Some("r,a{b}"));
        assert_eq!(reach("ctx.a['empty'] = 1").as_deref(), Some("a{empty}"));
        // a constant move destination, and the field API in lambdas and functions
        assert_eq!(
            reach("field('a').move('b.c')").as_deref(),
            Some("b.c,b{c},a")
        );
        assert_eq!(
            reach("void f() { $('n', 0) } [1].each(x -> field('l.m').set(x)); f()").as_deref(),
            Some("n,l.m,l{m}")
        );
        // a computed index reads its whole receiver
        assert_eq!(
            reach("ctx.a.k[params.i].n = 1; ctx.b.l[0] = 2").as_deref(),
            Some("a{k},b{l}")
        );
    }

    #[test]
    fn any_other_use_reaches_the_whole_document() {
        for src in [
            "def c = ctx; c.a = 1",
            "ctx.remove('a')",
            "for (def e : ctx.entrySet()) {}",
            "ctx[params.key] = 1",
            "void f(Map m) {} f(ctx)",
            "[1].forEach(x -> ctx.a = x)",
            "field(params.p).set(1)",
            "metadata().getIndex()",
            "ctx = [:]",
            "ctx.toString()",
            "return ctx.empty",
            "def f = field('a'); f.move('b')",
            "field('a').overwrite(params.p)",
            "field('a').move(field('b'))",
        ] {
            assert_eq!(reach(src), None, "{src}");
        }
    }

    /// Runs `src` as a script processor on `doc`, once as written and once with the whole `ctx`
    /// made reachable, and returns both outcomes (document JSON, error type).
    fn both_ways(src: &str, doc: &str) -> [(String, Option<String>); 2] {
        use crate::value::{json, Map, Value};
        let whole = format!("def whole = ctx; {src}");
        [src, whole.as_str()].map(|s| {
            let script = crate::painless::Script::compile(s, &Map::new()).expect("compiles");
            let Ok(Value::Map(mut ctx)) = json::parse(doc, json::Duplicates::Reject) else {
                panic!("bad test document");
            };
            let err = script
                .execute_ingest(&mut ctx)
                .err()
                .map(|e| e.to_es_json()["type"].to_string());
            (Value::Map(ctx).to_json(), err)
        })
    }

    #[test]
    fn named_paths_write_back_like_the_whole_document() {
        let doc = r#"{"x":1,"a":{"k":[1,{"n":null}],"s":"t","m":{"p":{"q":1},"e":{}},"m.p":5},"z":"2","_id":"i","x.y":0}"#;
        for src in [
            "ctx.b = ctx.a; ctx.new = 1",
            "ctx.a.k.add(3); ctx.a.remove('s'); ctx.z = null",
            "ctx['q'] = [:]; ctx.q.r = ctx.x + 1; ctx.a = 5",
            "ctx.a.s = 'u'; ctx.a.k[5] = 1",
            "ctx.a.s = 'u'; ctx._version = 'not a number'",
            "ctx._id = 'j'; ctx.zz = [ctx.missing]",
            "return",
            "field('a.s').set('u'); field('n.m').set(1); field('x.y').set(2)",
            "field('a.k').append(5); ctx.c = $('a.s', 'd') + $('a.missing', 'e')",
            "ctx.a.m.p.q += 1; ctx.a.m.p.r = ctx.a.s; ctx.a.m.n = [ctx.a.m.e]",
            "def k = ctx.a?.k; k.add(ctx.a.m?.p); ctx.a.m.e.f = 1",
            "ctx.a.m.p = null; ctx.a.m.e.empty = 2; ctx.r = ctx.a.m.e.empty",
            "ctx.r = [ctx.a.m.p.empty, ctx.a.m.empty, ctx.a.empty, ctx.a['empty']]",
            "ctx.a.m.missing.q = 1",
            "ctx.x.y = 1",
            "ctx.a.s.t = 1",
            "ctx.a.k.n = 1",
            "ctx.a.k[1].n = 5; ctx.a.m.p.q = ctx.a.k.length",
            "ctx.a.m.p.z = /b/; ctx.a.m.e.z = 1",
            "ctx.a.m.e.z = 1; ctx.a.k2 = ctx.a.m; ctx.a.m.p.z = 2",
            "ctx.a.m.x = 1; ctx.a.m.remove('p')",
            "ctx.n.o.p = 1",
            "field('z').remove()",
            "field('a.s').remove(); ctx.a.s = 1",
            "field('a.k').remove(); ctx.a.k = 7; ctx.a.k2 = 1; field('a.k2').remove()",
            "field('a.m.p.q').set(2); field('a.m.e.f').set(3); field('a.n.o').set(4)",
            "field('a.m.p').remove(); field('a.m.p.q').set(3)",
            "field('a.m.p').remove(); ctx.r = $('a.m.p', 1) + $('x.y', 0) + $('a.m.p.q', 0)",
            "field('a.s.t').set(1)",
            "field('a.m.').set(1); field('a..b').set(2); field('.c').set(3)",
            "field('a.m.p').set(['z': 1]); ctx.a.m.p.y = 2",
            "field('a.m.p').append(2); field('a.m.e.g').append(3)",
            "field('a.s').move('a.m.e.n'); field('x').overwrite('a.m.p.q')",
            "field('a.m').move('n.o'); field('a.k').overwrite('z')",
            "['a.m.e.n'].forEach(p -> field('a.s').move(p))",
            "[1].forEach(x -> field('a.m.p.r').set(x))",
            "def d = field('a.m.p').doc(); d.field('r').set(1); field('a.s').move(d.field('t'))",
        ] {
            let [named, whole] = both_ways(src, doc);
            assert_eq!(named, whole, "{src}");
        }
    }

    #[test]
    fn lambdas_own_slots_are_not_ctx() {
        // the lambda's slot 1 is its own variable, not ctx
        assert_eq!(
            reach("ctx.l.removeIf(x -> { def y = x; return y == null; })").as_deref(),
            Some("l")
        );
    }
}
