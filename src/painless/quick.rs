//! Conditions that only read: `ctx.a?.b != null`, `ctx.x instanceof String`,
//! `['a', 'b'].contains(ctx.c?.toLowerCase())`, joined by `&&`, `||` and `!`.
//!
//! Nearly every `if` in real pipelines has this shape, and each runs once per document and
//! processor. Such a condition is evaluated here straight from the expression tree, with the
//! interpreter's own primitives (`get_field`, `const_equals`, `compare`, `instance_of`, method
//! calls) but without a frame, a statement loop or a result per node. Anything unusual (an error,
//! a non-boolean operand) gives up, and the caller runs the interpreter, which then produces
//! the exact result or error: a condition cannot change the document, so running it twice is
//! harmless.

use super::ast::{CmpOp, Const, Expr, ExprKind, Program, StmtKind, UnOp, CTX_SLOT, PARAMS_SLOT};
use super::interp::{compare, const_equals, const_value, get_field, get_index, type_test, Interp};
use super::rt::{doc_value, DocRef, V};
use crate::value::{Map, Value};

/// The expression of a condition this module can evaluate, if the script is one (checked once,
/// at compile time).
pub fn condition_expr(program: &Program) -> Option<&Expr> {
    sole_expr(program).filter(|e| supported(e))
}

/// The expression of a script that is a single expression or `return` statement.
pub fn sole_expr(program: &Program) -> Option<&Expr> {
    match program.main.body.as_slice() {
        [stmt] => match &stmt.kind {
            StmtKind::Expr(e) | StmtKind::Return(Some(e)) => Some(e),
            _ => None,
        },
        _ => None,
    }
}

fn supported(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Const(_) => true,
        ExprKind::Local(slot) => *slot == PARAMS_SLOT || *slot == CTX_SLOT,
        ExprKind::Field { recv, .. } => supported(recv),
        ExprKind::Index { recv, index } => supported(recv) && supported(index),
        ExprKind::Call { recv, args, .. } => supported(recv) && args.iter().all(supported),
        ExprKind::ConstContains(_, x) | ExprKind::InstanceOf(x, _) => supported(x),
        ExprKind::Unary(UnOp::Not, x) => supported(x),
        ExprKind::And(a, b) | ExprKind::Or(a, b) | ExprKind::Cmp(_, a, b) => {
            supported(a) && supported(b)
        }
        _ => false,
    }
}

/// Gave up: run the interpreter instead.
pub struct GiveUp;

/// Where a field path of the document leads.
enum Node<'s> {
    Null,
    Map(&'s Map),
    Val(&'s Value),
}

/// Evaluates a [`condition_expr`] expression. `it` is created on first need (method calls).
pub struct Quick<'p> {
    pub program: &'p Program,
    pub ctx: V,
    pub params: V,
    it: Option<Interp<'p>>,
}

impl<'p> Quick<'p> {
    pub fn new(program: &'p Program, ctx: V, params: V) -> Quick<'p> {
        Quick {
            program,
            ctx,
            params,
            it: None,
        }
    }

    /// Follows `ctx.a?.b.c` through the document's maps by reference, without a value per step:
    /// what `get_field` gives for maps. Anything else (a list, a getter, a null without `?.`) gives
    /// up, and [`Quick::eval`] goes step by step instead.
    fn walk<'s>(&'s self, e: &'p Expr) -> Result<Node<'s>, GiveUp> {
        let root = |v: &'s V| match v {
            V::Doc(d) => d.map().map(Node::Map).ok_or(GiveUp),
            _ => Err(GiveUp),
        };
        match &e.kind {
            ExprKind::Local(PARAMS_SLOT) => root(&self.params),
            ExprKind::Local(CTX_SLOT) => root(&self.ctx),
            ExprKind::Field {
                recv,
                name,
                nullsafe,
            } => {
                let map = match self.walk(recv)? {
                    Node::Null | Node::Val(Value::Null) if *nullsafe => return Ok(Node::Null),
                    Node::Map(m) | Node::Val(Value::Map(m)) => m,
                    _ => return Err(GiveUp),
                };
                // `x.empty` is `isEmpty()` on a map: getters shadow keys
                if &**name == "empty" {
                    return Err(GiveUp);
                }
                Ok(match map.get(name) {
                    None | Some(Value::Null) => Node::Null,
                    Some(v) => Node::Val(v),
                })
            }
            _ => Err(GiveUp),
        }
    }

    fn truth(&mut self, e: &'p Expr) -> Result<bool, GiveUp> {
        match self.eval(e)? {
            V::Bool(b) => Ok(b),
            _ => Err(GiveUp),
        }
    }

    pub fn eval(&mut self, e: &'p Expr) -> Result<V, GiveUp> {
        Ok(match &e.kind {
            ExprKind::Const(c) => const_value(c),
            ExprKind::Local(PARAMS_SLOT) => self.params.clone(),
            ExprKind::Local(CTX_SLOT) => self.ctx.clone(),
            ExprKind::Field {
                recv,
                name,
                nullsafe,
            } => {
                if let Ok(node) = self.walk(e) {
                    return Ok(match node {
                        Node::Null => V::Null,
                        Node::Map(m) => V::Doc(DocRef::Map(m as *const Map)),
                        Node::Val(v) => doc_value(v),
                    });
                }
                let r = self.eval(recv)?;
                if *nullsafe && r.is_null() {
                    return Ok(V::Null);
                }
                // the interpreter's getter fallback (`x.foo` as `x.getFoo()`) is not needed
                // for maps; anything else it would try fails here and is left to it
                get_field(&r, name).map_err(|_| GiveUp)?
            }
            ExprKind::Index { recv, index } => {
                let r = self.eval(recv)?;
                let i = self.eval(index)?;
                get_index(&r, &i).map_err(|_| GiveUp)?
            }
            ExprKind::Call {
                recv,
                name,
                args,
                nullsafe,
            } => {
                let r = self.eval(recv)?;
                if *nullsafe && r.is_null() {
                    return Ok(V::Null);
                }
                let mut values = Vec::with_capacity(args.len());
                for a in args {
                    values.push(self.eval(a)?);
                }
                let (program, ctx) = (self.program, &self.ctx);
                let it = self
                    .it
                    .get_or_insert_with(|| Interp::new(program, ctx.clone()));
                it.call_method(r, name, values).map_err(|_| GiveUp)?
            }
            ExprKind::ConstContains(consts, x) => {
                let v = self.eval(x)?;
                V::Bool(consts.iter().any(|c| const_equals(c, &v)))
            }
            ExprKind::InstanceOf(x, t) => V::Bool(type_test(&self.eval(x)?, t)),
            ExprKind::Unary(UnOp::Not, x) => V::Bool(!self.truth(x)?),
            ExprKind::And(a, b) => V::Bool(self.truth(a)? && self.truth(b)?),
            ExprKind::Or(a, b) => V::Bool(self.truth(a)? || self.truth(b)?),
            ExprKind::Cmp(op, a, b) => {
                let x = self.eval(a)?;
                match (op, &b.kind) {
                    (CmpOp::Eq | CmpOp::Ne, ExprKind::Const(c @ (Const::Null | Const::Str(_)))) => {
                        V::Bool(const_equals(c, &x) == (*op == CmpOp::Eq))
                    }
                    _ => {
                        let y = self.eval(b)?;
                        V::Bool(compare(*op, &x, &y).map_err(|_| GiveUp)?)
                    }
                }
            }
            _ => return Err(GiveUp),
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::painless::Script;
    use crate::value::{Map, Value};

    fn doc(json: &str) -> Map {
        match Value::from_serde(&serde_json::from_str(json).unwrap()) {
            Value::Map(m) => m,
            _ => unreachable!(),
        }
    }

    /// Every case runs both ways, quick and interpreted, and must agree on result or error.
    fn both(src: &str, ctx: &str) -> Result<bool, String> {
        let script = Script::compile(src, &Map::new()).unwrap();
        assert!(script.has_quick_condition(), "not quick: {src}");
        let ctx = doc(ctx);
        let quick = script.execute_condition(&ctx).map_err(|e| e.to_string());
        let slow = script
            .execute_condition_interpreted(&ctx)
            .map_err(|e| e.to_string());
        assert_eq!(quick, slow, "{src} on {ctx:?}");
        quick
    }

    #[test]
    fn agrees_with_the_interpreter() {
        let docs = [
            r#"{}"#,
            r#"{"a": null}"#,
            r#"{"a": {"b": "x", "n": 3, "t": true, "l": ["p", "q"], "m": {}}}"#,
            r#"{"a": "str"}"#,
            r#"{"a": ["x"], "tags": ["preserve_original_event"]}"#,
            r#"{"a": {"empty": "k", "b": "ALLOW"}}"#,
        ];
        let scripts = [
            "ctx.a?.b != null",
            "ctx.a.b != null",
            "ctx.a?.b == 'x'",
            "ctx.a?.n == 3",
            "ctx.a?.t == true",
            "ctx.a?.t != true",
            "ctx.a?.b instanceof String",
            "ctx.a instanceof Map",
            "ctx.a?.l instanceof List",
            "ctx['a'] != null && ctx.a.b == 'x'",
            "ctx.a == null || ctx.a.m.isEmpty()",
            "ctx.tags == null || !ctx.tags.contains('preserve_original_event')",
            "['allow', 'x'].contains(ctx.a?.b?.toLowerCase())",
            "['x', 'y'].contains(ctx.a?.b)",
            "ctx.a?.empty",
            "ctx.a?.n > 2",
            "!ctx.a",
            "ctx.a?.b",
            "return ctx.a != null;",
            "ctx.a?.n?.z == null",
            "ctx.a.n.z == null",
            "ctx.a?.l?.x == null",
            "ctx.a?.l?.length == 2",
            "ctx.a?.m?.k == null && ctx.a?.m?.empty == true",
            "ctx.a?.b?.z == null",
        ];
        for s in scripts {
            for d in docs {
                let _ = both(s, d);
            }
        }
        assert_eq!(both("ctx.a?.b == 'x'", docs[2]), Ok(true));
        assert!(both("ctx.a.b != null", docs[0]).is_err());
    }

    #[test]
    fn answers_without_the_interpreter() {
        use super::{condition_expr, Quick};
        use crate::painless::rt::{DocRef, V};
        let ctx = doc(r#"{"a": {"b": "Allow", "l": ["x"]}}"#);
        let params = Map::new();
        for (src, want) in [
            ("ctx.a?.b != null && ctx.a.c == null", true),
            ("['allow'].contains(ctx.a?.b?.toLowerCase())", true),
            ("ctx.a.l.contains('y') || ctx.z instanceof String", false),
        ] {
            let program = crate::painless::parser::parse(src).unwrap();
            let e = condition_expr(&program).unwrap();
            let root = V::Doc(DocRef::Map(&ctx as *const Map));
            let p = V::Doc(DocRef::Map(&params as *const Map));
            let got = Quick::new(&program, root, p).eval(e);
            assert!(matches!(got, Ok(V::Bool(b)) if b == want), "{src}");
        }
    }

    #[test]
    fn other_shapes_use_the_interpreter() {
        for src in [
            "def x = ctx.a; x != null",
            "ctx.a = 1; true",
            "ctx.a?.b?.size() > 0 ? true : false",
        ] {
            let script = Script::compile(src, &Map::new()).unwrap();
            assert!(!script.has_quick_condition(), "{src}");
        }
    }
}
