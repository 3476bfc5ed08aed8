//! Which top-level `ctx` keys a script can reach, decided once at compile time.
//!
//! A script processor hands the interpreter a copy of the document and patches the changes back
//! afterwards. When every use of `ctx` in the main body is a field access with a fixed name
//! (`ctx.json`, `ctx?.okta`, `ctx['event']`), the script can neither see nor change any other
//! top-level key, so only the named keys need copying and patching: a script that touches
//! `ctx.okta` costs the size of `okta`, not of the whole document.
//!
//! `field('a.b')` and `$('a.b', default)` with a constant path reach the keys `a` and `a.b`.
//!
//! Anything else (`ctx` stored in a variable, passed to a function, captured by a lambda,
//! iterated, a method called on it, `metadata()`, the field API with a computed path) makes the
//! whole document reachable, and the caller copies all of it.

use super::ast::*;
use std::sync::Arc;

/// The top-level keys the main body names, or `None` when the whole `ctx` is reachable.
pub fn named_ctx_keys(program: &Program) -> Option<Vec<Arc<str>>> {
    let mut walk = Walk {
        keys: Vec::new(),
        whole: false,
    };
    walk.stmts(&program.main.body);
    if walk.whole {
        None
    } else {
        Some(walk.keys)
    }
}

struct Walk {
    keys: Vec<Arc<str>>,
    whole: bool,
}

impl Walk {
    fn name(&mut self, key: &Arc<str>) {
        if !self.keys.iter().any(|k| k == key) {
            self.keys.push(key.clone());
        }
    }

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
                if *slot == CTX_SLOT {
                    self.whole = true;
                }
            }
            ExprKind::Field { recv, name, .. } => match &recv.kind {
                ExprKind::Local(CTX_SLOT) => self.name(name),
                _ => self.expr(recv),
            },
            ExprKind::Index { recv, index } => match (&recv.kind, &index.kind) {
                (ExprKind::Local(CTX_SLOT), ExprKind::Const(Const::Str(key))) => self.name(key),
                _ => {
                    self.expr(recv);
                    self.expr(index);
                }
            },
            ExprKind::BuiltinCall(name, args) => match (*name, args.first()) {
                // The field API resolves a path from the root by its first segment, or, when
                // that is not a map, by the whole path as one dotted key (`WriteField`).
                (
                    "field" | "$",
                    Some(Expr {
                        kind: ExprKind::Const(Const::Str(path)),
                        ..
                    }),
                ) => {
                    let first = path.split('.').next().unwrap_or_default();
                    self.name(&Arc::from(first));
                    self.name(path);
                    self.exprs(&args[1..]);
                }
                _ => self.whole = true,
            },
            ExprKind::Lambda(_, captures) => {
                if captures.contains(&CTX_SLOT) {
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

    fn keys(src: &str) -> Option<Vec<String>> {
        let program = crate::painless::parser::parse(src).expect("parses");
        named_ctx_keys(&program).map(|k| k.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn field_accesses_name_their_keys() {
        assert_eq!(
            keys("ctx.a.b = 1; if (ctx?.c != null) { ctx['d'] = ctx.a; } ctx.a.x = 2"),
            Some(vec!["a".into(), "c".into(), "d".into()])
        );
        assert_eq!(keys("return 1"), Some(vec![]));
        assert_eq!(
            keys("field('a.b.c').set($('d', ctx.e))"),
            Some(vec!["a".into(), "a.b.c".into(), "d".into(), "e".into()])
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
        ] {
            assert_eq!(keys(src), None, "{src}");
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
    fn named_keys_write_back_like_the_whole_document() {
        let doc = r#"{"x":1,"a":{"k":[1,{"n":null}],"s":"t"},"z":"2","_id":"i","x.y":0}"#;
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
        ] {
            let [named, whole] = both_ways(src, doc);
            assert_eq!(named, whole, "{src}");
        }
    }

    #[test]
    fn lambdas_own_slots_are_not_ctx() {
        // the lambda's slot 1 is its own variable, not ctx
        assert_eq!(
            keys("ctx.l.removeIf(x -> { def y = x; return y == null; })"),
            Some(vec!["l".into()])
        );
    }
}
