//! Painless, Elasticsearch's scripting language, as ingest pipelines use it: `script` processors
//! and `if` conditions.
//!
//! Scripts are parsed and resolved once ([`Script::compile`]); each run walks the resolved tree.
//! Script processors see the document as shared Java-like containers (aliases mutate the
//! document); conditions read the caller's document in place without copying it.
//!
//! Typing is dynamic with Painless's rules: values keep their Java type (`int` overflow wraps,
//! `5 / 2 == 2`, `1 + 2L` is a `long`), declared types convert on assignment, argument passing
//! and return, and compound assignment narrows back to a typed local. Known differences from
//! Elasticsearch:
//! - type errors that Painless reports at compile time (calling an unknown method on a
//!   statically typed receiver, `int x = 'a'`) surface here at run time, with the run-time
//!   exception Painless would raise for the `def` equivalent;
//! - `script_stack` holds only the script snippet and pointer, not the Java frames Elasticsearch
//!   lists before it for exceptions thrown inside the JDK;
//! - regexes run on `java_regex`'s translation of `java.util.regex` (on Oniguruma, which
//!   backtracks like Java), and the `limited` regex budget is a backtracking budget, not ES's
//!   limit factor; comparator-ordered `TreeMap`/`TreeSet` fail with an
//!   `unsupported_operation_exception`;
//! - `===` compares boxed numbers by value (the JVM's small-value cache behaviour for common
//!   values) and strings by content.

pub mod api;
pub mod ast;
pub mod ctx_access;
pub mod error;
pub mod interp;
pub mod lexer;
pub mod parser;
pub mod quick;
pub mod rt;

pub use error::{ErrorKind, PainlessError};

use crate::value::{Map, Value};
use interp::Interp;
use rt::{DocRef, V};

/// A compiled script. Cheap to share between threads.
#[derive(Debug)]
pub struct Script {
    source: String,
    program: ast::Program,
    params: Map,
    /// The only parts of `ctx` the script can reach, when that is known statically.
    ctx_reach: Option<ctx_access::Reach>,
    /// The script is a read-only condition [`quick`] evaluates without the interpreter.
    quick_condition: bool,
}

/// Result of [`Script::evaluate`]: the Java type name and the value.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluated {
    /// `int`, `long`, `double`, `float`, `boolean`, `char`, `String`, `ArrayList`, `HashMap`, ...
    /// (`null` for a null result).
    pub type_name: String,
    pub value: Value,
}

const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Script>();
};

impl Script {
    /// Parses and resolves `source`. `params` is what the script sees as `params`.
    pub fn compile(source: &str, params: &Map) -> Result<Script, PainlessError> {
        let program = parser::parse(source)
            .map_err(|e| PainlessError::compile(source, e.offset, e.message))?;
        let ctx_reach = ctx_access::ctx_reach(&program);
        let quick_condition = quick::condition_expr(&program).is_some();
        Ok(Script {
            source: source.to_string(),
            program,
            params: params.clone(),
            ctx_reach,
            quick_condition,
        })
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    fn runtime_error(&self, t: &error::Thrown) -> PainlessError {
        PainlessError::runtime(&self.source, &self.program.statement_starts, t)
    }

    /// The document as the script's `ctx` (a `CtxMap`: source first, then metadata), or only the
    /// parts of it in `reach` when those are all the script can reach.
    fn ctx_value(ctx: &Map, reach: Option<&ctx_access::Reach>) -> V {
        let root = match reach {
            Some(reach) => rt::from_map_reach(ctx, reach),
            None => rt::from_map(ctx),
        };
        if let V::Map(m) = &root {
            let mut m = m.borrow_mut();
            m.ctx_root = true;
            m.ctx_source_table = ctx.initial_capacity();
        }
        root
    }

    fn params_value(&self) -> V {
        rt::from_map(&self.params)
    }

    /// Script processor: `ctx` holds the document source plus the metadata keys
    /// (`_index`, `_id`, `_version`, `_routing`, ...; Elasticsearch 8's `IngestCtxMap`).
    /// `_ingest` is not part of `ctx` in Elasticsearch 8, so it is not taken here.
    ///
    /// Like Elasticsearch, changes made before a failure stay in the document (the script works
    /// on the live document), so `ctx` is written back even when an error is returned.
    pub fn execute_ingest(&self, ctx: &mut Map) -> Result<(), PainlessError> {
        let root = Self::ctx_value(ctx, self.ctx_reach.as_ref());
        let mut it = Interp::new(&self.program, root.clone());
        let result = it.run_main(self.params_value());
        drop(it);
        let written = match (&self.ctx_reach, &root) {
            (Some(reach), V::Map(m)) => rt::patch_map_reach(ctx, m, reach),
            _ => write_back(&root, ctx),
        };
        result.map_err(|t| self.runtime_error(&t))?;
        written.map_err(|m| self.runtime_error(&error::Thrown::iae(m)))
    }

    /// `if` condition: the script must produce a boolean. `ctx` is read in place (no copy);
    /// attempts to modify it fail like Elasticsearch's `UnmodifiableIngestData`.
    pub fn execute_condition(&self, ctx: &Map) -> Result<bool, PainlessError> {
        if self.quick_condition {
            if let Some(e) = quick::sole_expr(&self.program) {
                let root = V::Doc(DocRef::Map(ctx as *const Map));
                let params = V::Doc(DocRef::Map(&self.params as *const Map));
                if let Ok(V::Bool(b)) = quick::Quick::new(&self.program, root, params).eval(e) {
                    return Ok(b);
                }
            }
        }
        self.execute_condition_interpreted(ctx)
    }

    /// Whether conditions run through [`quick`].
    pub fn has_quick_condition(&self) -> bool {
        self.quick_condition
    }

    /// [`Script::execute_condition`] on the interpreter alone.
    pub fn execute_condition_interpreted(&self, ctx: &Map) -> Result<bool, PainlessError> {
        let root = V::Doc(DocRef::Map(ctx as *const Map));
        let result = {
            let mut it = Interp::new(&self.program, root);
            // params are read in place too: no per-document copy
            it.run_main(V::Doc(DocRef::Map(&self.params as *const Map)))
        };
        match result {
            Ok(V::Bool(b)) => Ok(b),
            Ok(V::Null) => {
                Err(self.runtime_error(&interp::null_to_primitive().at(self.program.main.off)))
            }
            Ok(other) => Err(self.runtime_error(
                &interp::def_cast_error(&other, &ast::Ty::Bool, true).at(self.program.main.off),
            )),
            Err(t) => Err(self.runtime_error(&t)),
        }
    }

    /// Runs with a mutable `ctx` and returns the `return` value, or the value of the last
    /// expression statement.
    pub fn evaluate(&self, ctx: &mut Map) -> Result<Evaluated, PainlessError> {
        let root = Self::ctx_value(ctx, None);
        let mut it = Interp::new(&self.program, root.clone());
        let result = it.run_main(self.params_value());
        drop(it);
        let written = write_back(&root, ctx);
        let v = result.map_err(|t| self.runtime_error(&t))?;
        written.map_err(|m| self.runtime_error(&error::Thrown::iae(m)))?;
        let type_name = rt::short_type_name(&v);
        let value = match rt::to_value(&v) {
            Ok(x) => x,
            Err(_) => Value::String(rt::to_java_string(&v)),
        };
        Ok(Evaluated { type_name, value })
    }
}

/// Same result as replacing `ctx` with `rt::to_value(root)`, but untouched parts of the
/// document keep their allocations (most scripts change a few fields of a large document).
fn write_back(root: &V, ctx: &mut Map) -> Result<(), String> {
    match root {
        V::Map(m) => rt::patch_map(ctx, m),
        _ => Err("ctx is not a map".into()),
    }
}

/// For the CLI `ingest-emu painless [--params JSON] [--ctx JSON] SCRIPT`: returns
/// `{"type": ..., "value": ...}` or `{"error": {...}}` (Elasticsearch's error JSON).
pub fn run_for_cli(
    script: &str,
    params: Option<&serde_json::Value>,
    ctx: Option<&serde_json::Value>,
) -> serde_json::Value {
    let to_map = |v: Option<&serde_json::Value>| -> Result<Map, String> {
        match v {
            None => Ok(Map::new()),
            Some(j) => match Value::from_serde(j) {
                Value::Map(m) => Ok(m),
                _ => Err("expected a JSON object".into()),
            },
        }
    };
    let params = match to_map(params) {
        Ok(m) => m,
        Err(e) => {
            return serde_json::json!({"error": {"type": "illegal_argument_exception", "reason": format!("params: {e}")}})
        }
    };
    let mut ctx = match to_map(ctx) {
        Ok(m) => m,
        Err(e) => {
            return serde_json::json!({"error": {"type": "illegal_argument_exception", "reason": format!("ctx: {e}")}})
        }
    };
    let compiled = match Script::compile(script, &params) {
        Ok(s) => s,
        Err(e) => return serde_json::json!({ "error": e.to_es_json() }),
    };
    match compiled.evaluate(&mut ctx) {
        Ok(ev) => serde_json::json!({"type": ev.type_name, "value": ev.value.to_serde()}),
        Err(e) => serde_json::json!({ "error": e.to_es_json() }),
    }
}
