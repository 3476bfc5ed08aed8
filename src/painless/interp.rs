//! Tree-walking evaluator over the resolved program.

use super::api::{self, FnVal, Obj};
use super::ast::*;
use super::error::Thrown;
use super::rt::*;
use crate::value::CollectionKind;
use std::cell::RefCell;
use std::rc::Rc;

pub type R<T> = Result<T, Thrown>;

/// Largest collection or array a script may build (elements).
pub const MAX_ELEMENTS: usize = 10_000_000;
/// Longest string a script may build (bytes).
pub const MAX_STRING_BYTES: usize = 100 << 20;

pub fn check_elements(n: usize) -> R<()> {
    if n > MAX_ELEMENTS {
        Err(Thrown::out_of_memory())
    } else {
        Ok(())
    }
}

pub fn check_string(n: usize) -> R<()> {
    if n > MAX_STRING_BYTES {
        Err(Thrown::out_of_memory())
    } else {
        Ok(())
    }
}

/// Painless's per-method loop budget (`CompilerSettings.maxLoopCounter` default).
pub const MAX_LOOP_COUNTER: u32 = 1_000_000;
/// Deepest user-function/lambda nesting before we report a stack overflow.
pub const MAX_DEPTH: usize = 5_000;
/// Native stack a run may use before it reports `StackOverflowError` (threads running scripts
/// have at least 2 MiB).
pub const MAX_STACK_BYTES: usize = 1 << 20;

pub enum Flow {
    Next,
    Break,
    Continue,
    Return(V),
}

pub struct Frame<'p> {
    pub slots: Vec<V>,
    pub types: &'p [Ty],
    pub loop_budget: u32,
    /// Value of the last expression statement of the main body (for `evaluate`).
    pub last: Option<V>,
}

pub struct Interp<'p> {
    pub prog: &'p Program,
    pub depth: usize,
    /// Approximate native stack address at the start of the run.
    stack_base: usize,
    /// Document root for `field(...)` and `$(...)`.
    pub ctx: V,
    /// Slot vectors of finished calls, reused so that a call does not allocate its frame.
    spare_slots: Vec<Vec<V>>,
    /// Function objects of lambdas that capture nothing, by lambda index, made on first use:
    /// one object per lambda, as Painless's `LambdaBootstrap.createNoCaptureCallSite` links a
    /// constant instance.
    plain_lambdas: Vec<Option<V>>,
}

thread_local! {
    /// Slot vectors kept between runs on this thread: an `if` condition is one short run per
    /// document and processor, and should not allocate its frame each time.
    static SPARE_SLOTS: RefCell<Vec<Vec<V>>> = const { RefCell::new(Vec::new()) };
}

impl Drop for Interp<'_> {
    fn drop(&mut self) {
        let spare = std::mem::take(&mut self.spare_slots);
        // `try_with`: nothing to keep while the thread itself is shutting down
        let _ = SPARE_SLOTS.try_with(|s| *s.borrow_mut() = spare);
    }
}

impl<'p> Frame<'p> {
    fn new(mut slots: Vec<V>, nslots: usize, types: &'p [Ty]) -> Frame<'p> {
        if slots.len() != nslots {
            slots.resize(nslots, V::Null);
        }
        Frame {
            slots,
            types,
            loop_budget: MAX_LOOP_COUNTER,
            last: None,
        }
    }
    fn tick(&mut self) -> R<()> {
        self.loop_budget -= 1;
        if self.loop_budget == 0 {
            return Err(Thrown::painless_error(
                "The maximum number of statements that can be executed in a loop has been reached.",
            ));
        }
        Ok(())
    }
}

pub fn const_value(c: &Const) -> V {
    match c {
        Const::Null => V::Null,
        Const::Bool(b) => V::Bool(*b),
        Const::Int(i) => V::Int(*i),
        Const::Long(l) => V::Long(*l),
        Const::Float(f) => V::Float(*f),
        Const::Double(d) => V::Double(*d),
        Const::Str(s) => V::Str(s.clone()),
    }
}

impl<'p> Interp<'p> {
    pub fn new(prog: &'p Program, ctx: V) -> Interp<'p> {
        Interp {
            prog,
            depth: 0,
            stack_base: 0,
            ctx,
            spare_slots: SPARE_SLOTS.with(|s| std::mem::take(&mut *s.borrow_mut())),
            plain_lambdas: Vec::new(),
        }
    }

    fn frame_for(&mut self, nslots: usize, types: &'p [Ty]) -> Frame<'p> {
        Frame::new(self.spare_slots.pop().unwrap_or_default(), nslots, types)
    }

    /// An empty argument vector from the pool. Passed to [`Interp::call_user`] or
    /// [`Interp::call_fn`], it becomes the callee's slot vector and returns to the pool with the
    /// frame, so a call allocates nothing once the pool is warm.
    pub fn arg_vec(&mut self) -> Vec<V> {
        self.spare_slots.pop().unwrap_or_default()
    }

    /// [`Interp::arg_vec`] holding one argument.
    pub fn args1(&mut self, arg: V) -> Vec<V> {
        let mut v = self.arg_vec();
        v.push(arg);
        v
    }

    fn recycle(&mut self, mut frame: Frame<'p>) {
        frame.slots.clear();
        if self.spare_slots.len() < 64 {
            self.spare_slots.push(frame.slots);
        }
    }

    /// Runs the main body. Returns the `return` value, else the last expression statement's value.
    pub fn run_main(&mut self, params: V) -> R<V> {
        let marker = 0u8;
        self.stack_base = &marker as *const u8 as usize;
        let f = &self.prog.main;
        let mut frame = self.frame_for(f.slot_types.len(), &f.slot_types);
        frame.slots[PARAMS_SLOT] = params;
        frame.slots[CTX_SLOT] = self.ctx.clone();
        let result = match self.exec_block_main(&mut frame, &f.body) {
            Ok(Flow::Return(v)) => Ok(v),
            Ok(_) => Ok(frame.last.take().unwrap_or(V::Null)),
            Err(e) => Err(e),
        };
        self.recycle(frame);
        result
    }

    fn exec_block_main(&mut self, frame: &mut Frame<'p>, stmts: &'p [Stmt]) -> R<Flow> {
        let n = stmts.len();
        for (i, s) in stmts.iter().enumerate() {
            if i + 1 == n {
                if let StmtKind::Expr(e) = &s.kind {
                    let v = self.eval(frame, e)?;
                    frame.last = Some(v);
                    return Ok(Flow::Next);
                }
            }
            match self.step(frame, s)? {
                Flow::Next => {}
                other => return Ok(other),
            }
        }
        Ok(Flow::Next)
    }

    pub fn call_user(&mut self, idx: usize, args: Vec<V>, off: usize) -> R<V> {
        let f = &self.prog.functions[idx];
        if args.len() != f.nparams {
            return Err(Thrown::iae(format!(
                "Incorrect number of parameters for [{}] in [function]: expected [{}] but found [{}]",
                f.name,
                f.nparams,
                args.len()
            )));
        }
        if self.depth >= MAX_DEPTH || self.stack_exhausted() {
            return Err(Thrown::raw("StackOverflowError", None, Some(off), false));
        }
        // the argument vector becomes the frame's slots: parameters first
        let mut frame = Frame::new(args, f.slot_types.len(), &f.slot_types);
        for (slot, ty) in frame.slots.iter_mut().zip(&f.slot_types[..f.nparams]) {
            *slot = coerce(std::mem::take(slot), ty)?;
        }
        self.depth += 1;
        let r = self.exec_block_main(&mut frame, &f.body);
        self.depth -= 1;
        let v = match r {
            Ok(Flow::Return(v)) => v,
            Ok(_) => frame.last.take().unwrap_or(V::Null),
            Err(e) => {
                self.recycle(frame);
                return Err(e);
            }
        };
        self.recycle(frame);
        if matches!(f.ret, Ty::Void) {
            return Ok(V::Null);
        }
        coerce(v, &f.ret)
    }

    pub fn call_lambda(&mut self, idx: usize, captures: &[V], args: Vec<V>) -> R<V> {
        let l = &self.prog.lambdas[idx];
        if args.len() != l.nparams {
            return Err(Thrown::iae(format!(
                "Incorrect number of parameters for [lambda] in [{}]: expected [{}] but found [{}]",
                "function",
                l.nparams,
                args.len()
            )));
        }
        if self.depth >= MAX_DEPTH || self.stack_exhausted() {
            return Err(Thrown::raw("StackOverflowError", None, None, false));
        }
        if let Some((function, off)) = l.forwards_to {
            // `x -> f(x)`: call `f` directly, without a frame for the lambda itself
            let mut args = args;
            for (i, a) in args.iter_mut().enumerate() {
                *a = coerce(std::mem::take(a), &l.slot_types[i])?;
            }
            self.depth += 1;
            let r = self.call_user(function, args, off).map_err(|t| t.at(off));
            self.depth -= 1;
            return r;
        }
        let mut frame = Frame::new(args, l.slot_types.len(), &l.slot_types);
        for (slot, ty) in frame.slots.iter_mut().zip(&l.slot_types[..l.nparams]) {
            *slot = coerce(std::mem::take(slot), ty)?;
        }
        for (slot, v) in l.capture_slots.iter().zip(captures.iter()) {
            frame.slots[*slot] = v.clone();
        }
        self.depth += 1;
        let r = match &l.body {
            LambdaBody::Expr(e) => self.eval(&mut frame, e),
            LambdaBody::Block(b) => self.exec_block_main(&mut frame, b).map(|f| match f {
                Flow::Return(v) => v,
                _ => frame.last.take().unwrap_or(V::Null),
            }),
        };
        self.depth -= 1;
        self.recycle(frame);
        r
    }

    fn stack_exhausted(&self) -> bool {
        let marker = 0u8;
        let here = &marker as *const u8 as usize;
        self.stack_base != 0 && self.stack_base.abs_diff(here) > MAX_STACK_BYTES
    }

    /// Calls a function value (lambda, function reference) with arguments.
    pub fn call_fn(&mut self, f: &V, args: Vec<V>) -> R<V> {
        let V::Obj(o) = f else {
            return Err(Thrown::iae(format!(
                "Cannot convert [{}] to a function",
                class_name(f)
            )));
        };
        let Obj::Fn(fv) = &**o else {
            return Err(Thrown::iae(format!(
                "Cannot convert [{}] to a function",
                class_name(f)
            )));
        };
        match fv {
            FnVal::Lambda(idx, caps) => self.call_lambda(*idx, caps, args),
            FnVal::User(idx) => self.call_user(*idx, args, 0),
            FnVal::Static(class, name) => {
                match api::call_static(self, class, name, args.clone()) {
                    Err(e) if e.class == "NoSuchMethod" => {
                        // unbound instance method reference: first argument is the receiver
                        let mut it = args.into_iter();
                        let recv = it.next().unwrap_or(V::Null);
                        self.call_method(recv, name, it.collect())
                    }
                    other => other,
                }
            }
            FnVal::Bound(recv, name) => self.call_method(recv.clone(), name, args),
            FnVal::Ctor(class) => api::new_object(self, class, args),
            FnVal::Natural(rev) => {
                let (a, b) = (
                    args.first().cloned().unwrap_or_default(),
                    args.get(1).cloned().unwrap_or_default(),
                );
                let o = compare_values(&a, &b)?;
                Ok(V::Int(if *rev { -(o as i32) } else { o as i32 }))
            }
            FnVal::Reversed(comparator) => {
                let mut args = args;
                args.reverse();
                self.call_fn(comparator, args)
            }
            FnVal::Comparing(key, rev) => {
                let (a, b) = (
                    args.first().cloned().unwrap_or_default(),
                    args.get(1).cloned().unwrap_or_default(),
                );
                let ka = self.call_fn(key, vec![a])?;
                let kb = self.call_fn(key, vec![b])?;
                let o = compare_values(&ka, &kb)?;
                Ok(V::Int(if *rev { -(o as i32) } else { o as i32 }))
            }
        }
    }

    /// One statement of a block: `if` and `return`, most of what function bodies are made of,
    /// run here without going through `exec`'s full dispatch.
    #[inline(always)]
    fn step(&mut self, frame: &mut Frame<'p>, s: &'p Stmt) -> R<Flow> {
        match &s.kind {
            StmtKind::If(c, then, els) => self.exec_if(frame, c, then, els.as_deref()),
            StmtKind::Return(Some(e)) => Ok(Flow::Return(self.eval(frame, e)?)),
            _ => self.exec(frame, s),
        }
    }

    #[inline]
    fn exec_if(
        &mut self,
        frame: &mut Frame<'p>,
        c: &'p Expr,
        then: &'p [Stmt],
        els: Option<&'p [Stmt]>,
    ) -> R<Flow> {
        if self.test(frame, c)? {
            self.exec_block(frame, then)
        } else if let Some(b) = els {
            self.exec_block(frame, b)
        } else {
            Ok(Flow::Next)
        }
    }

    pub fn exec_block(&mut self, frame: &mut Frame<'p>, stmts: &'p [Stmt]) -> R<Flow> {
        for s in stmts {
            match self.step(frame, s)? {
                Flow::Next => {}
                other => return Ok(other),
            }
        }
        Ok(Flow::Next)
    }

    /// A condition's truth: `cond` with the common shapes (`&&`, `||`, comparisons with a
    /// constant, `instanceof` of a variable) answered without building a value per node. The
    /// errors are `cond`'s, which the other shapes still go through.
    fn test(&mut self, frame: &mut Frame<'p>, e: &'p Expr) -> R<bool> {
        match &e.kind {
            ExprKind::Or(a, b) => Ok(self.test(frame, a)? || self.test(frame, b)?),
            ExprKind::And(a, b) => Ok(self.test(frame, a)? && self.test(frame, b)?),
            ExprKind::Cmp(op @ (CmpOp::Eq | CmpOp::Ne), a, b) => match &b.kind {
                ExprKind::Const(c @ (Const::Null | Const::Str(_))) => {
                    Ok(self.equals_const(frame, a, c)? == (*op == CmpOp::Eq))
                }
                _ => self.cond(frame, e),
            },
            ExprKind::InstanceOf(x, ty) => self.instance_test(frame, x, ty),
            _ => self.cond(frame, e),
        }
    }

    /// `x == null`, `x != 'str'`: the constant is compared where it is (and a variable read in
    /// place), without cloning and dropping either.
    #[inline]
    fn equals_const(&mut self, frame: &mut Frame<'p>, x: &'p Expr, c: &Const) -> R<bool> {
        Ok(match x.kind {
            ExprKind::Local(slot) => const_equals(c, &frame.slots[slot]),
            _ => const_equals(c, &self.eval(frame, x)?),
        })
    }

    /// `x instanceof T`, reading a variable in place.
    #[inline]
    fn instance_test(&mut self, frame: &mut Frame<'p>, x: &'p Expr, t: &TypeTest) -> R<bool> {
        Ok(match x.kind {
            ExprKind::Local(slot) => type_test(&frame.slots[slot], t),
            _ => type_test(&self.eval(frame, x)?, t),
        })
    }

    fn cond(&mut self, frame: &mut Frame<'p>, e: &'p Expr) -> R<bool> {
        match self.eval(frame, e)? {
            V::Bool(b) => Ok(b),
            V::Null => Err(null_to_primitive().at(e.off)),
            other => Err(def_cast_error(&other, &Ty::Bool, true).at(e.off)),
        }
    }

    pub fn exec(&mut self, frame: &mut Frame<'p>, s: &'p Stmt) -> R<Flow> {
        match &s.kind {
            StmtKind::Expr(e) => {
                self.eval(frame, e)?;
                Ok(Flow::Next)
            }
            StmtKind::Decl(vars) => {
                for (slot, init) in vars {
                    let ty = &frame.types[*slot];
                    let v = match init {
                        Some(e) => {
                            let v = self.eval(frame, e)?;
                            coerce(v, ty).map_err(|t| t.at(e.off))?
                        }
                        None => default_value(ty),
                    };
                    frame.slots[*slot] = v;
                }
                Ok(Flow::Next)
            }
            StmtKind::If(c, then, els) => self.exec_if(frame, c, then, els.as_deref()),
            StmtKind::While(c, body) => {
                loop {
                    if !self.test(frame, c)? {
                        break;
                    }
                    frame.tick().map_err(|t| t.at(s.off))?;
                    match self.exec_block(frame, body)? {
                        Flow::Break => break,
                        Flow::Return(v) => return Ok(Flow::Return(v)),
                        _ => {}
                    }
                }
                Ok(Flow::Next)
            }
            StmtKind::DoWhile(body, c) => {
                loop {
                    frame.tick().map_err(|t| t.at(s.off))?;
                    match self.exec_block(frame, body)? {
                        Flow::Break => break,
                        Flow::Return(v) => return Ok(Flow::Return(v)),
                        _ => {}
                    }
                    if !self.test(frame, c)? {
                        break;
                    }
                }
                Ok(Flow::Next)
            }
            StmtKind::For {
                init,
                cond,
                update,
                body,
            } => {
                if let Some(i) = init {
                    self.exec(frame, i)?;
                }
                loop {
                    if let Some(c) = cond {
                        if !self.test(frame, c)? {
                            break;
                        }
                    }
                    frame.tick().map_err(|t| t.at(s.off))?;
                    match self.exec_block(frame, body)? {
                        Flow::Break => break,
                        Flow::Return(v) => return Ok(Flow::Return(v)),
                        _ => {}
                    }
                    for u in update {
                        self.eval(frame, u)?;
                    }
                }
                Ok(Flow::Next)
            }
            StmtKind::ForEach { slot, iter, body } => {
                let coll = self.eval(frame, iter)?;
                let ty = &frame.types[*slot];
                if let V::List(l) = &coll {
                    // ArrayList.Itr: hasNext() is `cursor != size`, next() fails fast after a
                    // structural change (approximated by a size change)
                    let n0 = l.borrow().items.len();
                    let mut cursor = 0;
                    loop {
                        let size = l.borrow().items.len();
                        if cursor == size {
                            break;
                        }
                        if size != n0 {
                            return Err(Thrown::bare("ConcurrentModificationException").at(s.off));
                        }
                        frame.tick().map_err(|t| t.at(s.off))?;
                        let item = l.borrow().items[cursor].clone();
                        cursor += 1;
                        frame.slots[*slot] = coerce(item, ty).map_err(|t| t.at(s.off))?;
                        match self.exec_block(frame, body)? {
                            Flow::Break => break,
                            Flow::Return(v) => return Ok(Flow::Return(v)),
                            _ => {}
                        }
                    }
                    return Ok(Flow::Next);
                }
                let items = api::iterate(self, &coll).map_err(|t| t.at(iter.off))?;
                // HashMap/TreeMap/HashSet iterators fail fast in next() after a structural change
                let n0 = live_len(&coll);
                for (i, item) in items.into_iter().enumerate() {
                    if i > 0 && n0.is_some() && live_len(&coll) != n0 {
                        return Err(Thrown::bare("ConcurrentModificationException").at(s.off));
                    }
                    frame.tick().map_err(|t| t.at(s.off))?;
                    frame.slots[*slot] = coerce(item, ty).map_err(|t| t.at(s.off))?;
                    match self.exec_block(frame, body)? {
                        Flow::Break => break,
                        Flow::Return(v) => return Ok(Flow::Return(v)),
                        _ => {}
                    }
                }
                Ok(Flow::Next)
            }
            StmtKind::Block(b) => self.exec_block(frame, b),
            StmtKind::Break => Ok(Flow::Break),
            StmtKind::Continue => Ok(Flow::Continue),
            StmtKind::Return(e) => {
                let v = match e {
                    Some(e) => self.eval(frame, e)?,
                    None => V::Null,
                };
                Ok(Flow::Return(v))
            }
            StmtKind::Throw(e) => {
                let v = self.eval(frame, e)?;
                match &v {
                    V::Obj(o) => match &**o {
                        Obj::Exception(class, msg) => {
                            Err(Thrown::raw(class, msg.clone(), Some(s.off), true))
                        }
                        _ => Err(Thrown::cce("Cannot throw a non-exception").at(s.off)),
                    },
                    V::Null => Err(Thrown::npe(None).at(s.off)),
                    _ => Err(Thrown::cce("Cannot throw a non-exception").at(s.off)),
                }
            }
            StmtKind::Try { body, catches } => match self.exec_block(frame, body) {
                Ok(f) => Ok(f),
                Err(t) => {
                    for c in catches {
                        if t.caught_by(c.class) {
                            frame.slots[c.slot] = V::obj(Obj::Exception(t.class, t.msg.clone()));
                            return self.exec_block(frame, &c.body);
                        }
                    }
                    Err(t)
                }
            },
        }
    }

    /// Evaluates an expression. Variables and constants, the leaves of most trees, are read here
    /// (inlined into the caller); everything else goes through [`Interp::eval_node`], whose
    /// many arms make every call to it costly.
    #[inline]
    pub fn eval(&mut self, frame: &mut Frame<'p>, e: &'p Expr) -> R<V> {
        match &e.kind {
            ExprKind::Local(s) => Ok(frame.slots[*s].clone()),
            ExprKind::Const(c) => Ok(const_value(c)),
            _ => self.eval_node(frame, e),
        }
    }

    #[inline(never)]
    fn eval_node(&mut self, frame: &mut Frame<'p>, e: &'p Expr) -> R<V> {
        let off = e.off;
        match &e.kind {
            ExprKind::Const(c) => Ok(const_value(c)),
            ExprKind::Local(s) => Ok(frame.slots[*s].clone()),
            ExprKind::Regex(r) => Ok(V::obj(Obj::Pattern(r.clone()))),
            ExprKind::ListInit(items) => {
                let mut out = Vec::with_capacity(items.len());
                for i in items {
                    out.push(self.eval(frame, i)?);
                }
                Ok(V::new_list(out))
            }
            ExprKind::MapInit(pairs) => {
                let m = V::new_map(CollectionKind::Hash);
                if let V::Map(mm) = &m {
                    for (k, v) in pairs {
                        let k = self.eval(frame, k)?;
                        let v = self.eval(frame, v)?;
                        mm.borrow_mut().put(k, v).map_err(|t| t.at(off))?;
                    }
                }
                Ok(m)
            }
            ExprKind::ConstContains(consts, arg) => {
                let x = self.eval(frame, arg)?;
                let found = consts.iter().any(|c| const_equals(c, &x));
                Ok(V::Bool(found))
            }
            ExprKind::New(class, args) => {
                let args = self.eval_args(frame, args)?;
                api::new_object(self, class, args).map_err(|t| t.at(off))
            }
            ExprKind::NewArray(elem, dims) => {
                let mut sizes = Vec::new();
                for d in dims {
                    let v = self.eval(frame, d)?;
                    let n = match num_of(&v) {
                        Some(crate::painless::rt::Num::I(n)) => n,
                        _ => {
                            return Err(Thrown::cce(format!(
                                "Cannot cast from [{}] to [int].",
                                short_type_name(&v)
                            ))
                            .at(d.off))
                        }
                    };
                    if n < 0 {
                        return Err(
                            Thrown::new("NegativeArraySizeException", n.to_string()).at(off)
                        );
                    }
                    sizes.push(n as usize);
                }
                let total = sizes
                    .iter()
                    .try_fold(1usize, |acc, n| acc.checked_mul((*n).max(1)))
                    .unwrap_or(usize::MAX);
                check_elements(total).map_err(|t| t.at(off))?;
                Ok(new_array(elem, &sizes))
            }
            ExprKind::ArrayInit(elem, items) => {
                let mut out = Vec::with_capacity(items.len());
                for i in items {
                    let v = self.eval(frame, i)?;
                    out.push(coerce(v, elem).map_err(|t| t.at(i.off))?);
                }
                Ok(V::Array(Rc::new(RefCell::new(ArrayObj {
                    elem: elem.clone(),
                    items: out,
                }))))
            }
            ExprKind::Field {
                recv,
                name,
                nullsafe,
            } => {
                let r = self.eval(frame, recv)?;
                if *nullsafe && r.is_null() {
                    return Ok(V::Null);
                }
                match get_field(&r, name) {
                    Err(e) if matches!(r, V::Obj(_)) && !name.is_empty() => {
                        // allowlisted getters: `x.foo` is `x.getFoo()` / `x.isFoo()`
                        let mut cap = name[..1].to_ascii_uppercase();
                        cap.push_str(&name[1..]);
                        for prefix in ["get", "is"] {
                            match self.call_method(r.clone(), &format!("{prefix}{cap}"), vec![]) {
                                Ok(v) => return Ok(v),
                                Err(t)
                                    if t.msg
                                        .as_deref()
                                        .is_some_and(|m| m.starts_with("dynamic method")) => {}
                                Err(t) => return Err(t.at(off)),
                            }
                        }
                        Err(e.at(off))
                    }
                    other => other.map_err(|t| t.at(off)),
                }
            }
            ExprKind::Index { recv, index } => {
                let r = self.eval(frame, recv)?;
                let i = self.eval(frame, index)?;
                get_index(&r, &i).map_err(|t| t.at(off))
            }
            ExprKind::Call {
                recv,
                name,
                args,
                nullsafe,
            } => {
                let r = self.eval(frame, recv)?;
                if *nullsafe && r.is_null() {
                    return Ok(V::Null);
                }
                let args = self.eval_args(frame, args)?;
                self.call_method(r, name, args).map_err(|t| t.at(off))
            }
            ExprKind::StaticCall { class, name, args } => {
                let args = self.eval_args(frame, args)?;
                api::call_static(self, class, name, args)
                    .map_err(|t| fix_no_such(t, class, name))
                    .map_err(|t| t.at(off))
            }
            ExprKind::StaticField { class, name } => {
                api::static_field(class, name).map_err(|t| t.at(off))
            }
            ExprKind::UserCall(idx, args) => {
                let mut values = self.arg_vec();
                for a in args {
                    values.push(self.eval(frame, a)?);
                }
                self.call_user(*idx, values, off).map_err(|t| t.at(off))
            }
            ExprKind::BuiltinCall(name, args) => {
                let args = self.eval_args(frame, args)?;
                api::field::builtin(self, name, args).map_err(|t| t.at(off))
            }
            ExprKind::Unary(op, x) => {
                let v = self.eval(frame, x)?;
                unary(*op, v).map_err(|t| t.at(off))
            }
            ExprKind::Binary(op, a, b) => {
                let x = self.eval(frame, a)?;
                let y = self.eval(frame, b)?;
                binary(*op, &x, &y).map_err(|t| t.at(off))
            }
            ExprKind::And(a, b) => Ok(V::Bool(self.test(frame, a)? && self.test(frame, b)?)),
            ExprKind::Or(a, b) => Ok(V::Bool(self.test(frame, a)? || self.test(frame, b)?)),
            ExprKind::Cmp(op, a, b) => {
                if let (CmpOp::Eq | CmpOp::Ne, ExprKind::Const(c @ (Const::Null | Const::Str(_)))) =
                    (op, &b.kind)
                {
                    return Ok(V::Bool(
                        self.equals_const(frame, a, c)? == (*op == CmpOp::Eq),
                    ));
                }
                let x = self.eval(frame, a)?;
                let y = self.eval(frame, b)?;
                compare(*op, &x, &y).map(V::Bool).map_err(|t| t.at(off))
            }
            ExprKind::InstanceOf(x, ty) => Ok(V::Bool(self.instance_test(frame, x, ty)?)),
            ExprKind::Cast(ty, x) => {
                let v = self.eval(frame, x)?;
                cast_explicit(v, ty).map_err(|t| t.at(off))
            }
            ExprKind::Cond(c, a, b) => {
                if self.test(frame, c)? {
                    self.eval(frame, a)
                } else {
                    self.eval(frame, b)
                }
            }
            ExprKind::Elvis(a, b) => {
                let v = self.eval(frame, a)?;
                if v.is_null() {
                    self.eval(frame, b)
                } else {
                    Ok(v)
                }
            }
            ExprKind::Assign { target, op, value } => self.assign(frame, target, *op, value, off),
            ExprKind::IncDec { target, pre, delta } => {
                let old = self.read_target(frame, target)?;
                let one = V::Int(*delta);
                let new = binary(BinOp::Add, &old, &one).map_err(|t| t.at(off))?;
                // ++/-- keep the variable's own type (implicit narrowing back)
                let new = match &old {
                    V::Byte(_) | V::Short(_) | V::Char(_) => {
                        cast_explicit(new, &ty_of_value(&old)).map_err(|t| t.at(off))?
                    }
                    _ => new,
                };
                let stored = self.write_target(frame, target, new, true)?;
                Ok(if *pre { stored } else { old })
            }
            ExprKind::Lambda(idx, outer) if outer.is_empty() => Ok(self.plain_lambda(*idx)),
            ExprKind::Lambda(idx, outer) => {
                let caps = outer.iter().map(|s| frame.slots[*s].clone()).collect();
                Ok(V::obj(Obj::Fn(FnVal::Lambda(*idx, caps))))
            }
            ExprKind::FnRef(k) => Ok(V::obj(Obj::Fn(match k {
                FnRefKind::Static(c, n) => FnVal::Static(c, n.clone()),
                FnRefKind::User(i) => FnVal::User(*i),
                FnRefKind::Bound(r, n) => {
                    let rv = self.eval(frame, r)?;
                    FnVal::Bound(rv, n.clone())
                }
                FnRefKind::Ctor(c) => FnVal::Ctor(c),
            }))),
        }
    }

    fn plain_lambda(&mut self, idx: usize) -> V {
        if self.plain_lambdas.len() <= idx {
            self.plain_lambdas
                .resize(self.prog.lambdas.len().max(idx + 1), None);
        }
        self.plain_lambdas[idx]
            .get_or_insert_with(|| V::obj(Obj::Fn(FnVal::Lambda(idx, Vec::new()))))
            .clone()
    }

    fn eval_args(&mut self, frame: &mut Frame<'p>, args: &'p [Expr]) -> R<Vec<V>> {
        let mut out = Vec::with_capacity(args.len());
        for a in args {
            out.push(self.eval(frame, a)?);
        }
        Ok(out)
    }

    pub fn call_method(&mut self, recv: V, name: &str, args: Vec<V>) -> R<V> {
        if recv.is_null() {
            return Err(Thrown::npe(Some(format!(
                "cannot access method/field [{name}] from a null def reference"
            ))));
        }
        api::call_method(self, &recv, name, args)
    }

    fn read_target(&mut self, frame: &mut Frame<'p>, target: &'p Expr) -> R<V> {
        self.eval(frame, target)
    }

    /// Stores into a local, field or element. `explicit` narrows to a typed local's type the
    /// way compound assignment does.
    fn write_target(
        &mut self,
        frame: &mut Frame<'p>,
        target: &'p Expr,
        v: V,
        explicit: bool,
    ) -> R<V> {
        let off = target.off;
        match &target.kind {
            ExprKind::Local(s) => {
                let ty = &frame.types[*s];
                let v = if explicit && ty.is_primitive() {
                    cast_explicit(v, ty).map_err(|t| t.at(off))?
                } else {
                    coerce(v, ty).map_err(|t| t.at(off))?
                };
                frame.slots[*s] = v.clone();
                Ok(v)
            }
            ExprKind::Field { recv, name, .. } => {
                let r = self.eval(frame, recv)?;
                set_field(&r, name, v.clone()).map_err(|t| t.at(off))?;
                Ok(v)
            }
            ExprKind::Index { recv, index } => {
                let r = self.eval(frame, recv)?;
                let i = self.eval(frame, index)?;
                set_index(&r, &i, v).map_err(|t| t.at(off))
            }
            _ => Err(Thrown::iae("invalid assignment target").at(off)),
        }
    }

    fn assign(
        &mut self,
        frame: &mut Frame<'p>,
        target: &'p Expr,
        op: Option<BinOp>,
        value: &'p Expr,
        off: usize,
    ) -> R<V> {
        match op {
            None => {
                // evaluate the receiver before the value, as Java does
                match &target.kind {
                    ExprKind::Local(s) => {
                        let v = self.eval(frame, value)?;
                        let v = coerce(v, &frame.types[*s]).map_err(|t| t.at(off))?;
                        frame.slots[*s] = v.clone();
                        Ok(v)
                    }
                    ExprKind::Field { recv, name, .. } => {
                        let r = self.eval(frame, recv)?;
                        let v = self.eval(frame, value)?;
                        set_field(&r, name, v.clone()).map_err(|t| t.at(target.off))?;
                        Ok(v)
                    }
                    ExprKind::Index { recv, index } => {
                        let r = self.eval(frame, recv)?;
                        let i = self.eval(frame, index)?;
                        let v = self.eval(frame, value)?;
                        set_index(&r, &i, v).map_err(|t| t.at(target.off))
                    }
                    _ => Err(Thrown::iae("invalid assignment target").at(off)),
                }
            }
            Some(op) => match &target.kind {
                ExprKind::Local(s) => {
                    let old = frame.slots[*s].clone();
                    let rhs = self.eval(frame, value)?;
                    let new = binary(op, &old, &rhs).map_err(|t| t.at(off))?;
                    let ty = &frame.types[*s];
                    let new = if ty.is_primitive() {
                        cast_explicit(new, ty).map_err(|t| t.at(off))?
                    } else {
                        coerce(new, ty).map_err(|t| t.at(off))?
                    };
                    frame.slots[*s] = new.clone();
                    Ok(new)
                }
                ExprKind::Field { recv, name, .. } => {
                    let r = self.eval(frame, recv)?;
                    let old = get_field(&r, name).map_err(|t| t.at(target.off))?;
                    let rhs = self.eval(frame, value)?;
                    let new = binary(op, &old, &rhs).map_err(|t| t.at(off))?;
                    set_field(&r, name, new.clone()).map_err(|t| t.at(target.off))?;
                    Ok(new)
                }
                ExprKind::Index { recv, index } => {
                    let r = self.eval(frame, recv)?;
                    let i = self.eval(frame, index)?;
                    let old = get_index(&r, &i).map_err(|t| t.at(target.off))?;
                    let rhs = self.eval(frame, value)?;
                    let new = binary(op, &old, &rhs).map_err(|t| t.at(off))?;
                    set_index(&r, &i, new).map_err(|t| t.at(target.off))
                }
                _ => Err(Thrown::iae("invalid assignment target").at(off)),
            },
        }
    }
}

/// Size of a mutable collection (or of the map behind a view), for fail-fast iteration.
fn live_len(v: &V) -> Option<usize> {
    match v {
        V::List(l) => Some(l.borrow().items.len()),
        V::Set(s) => Some(s.borrow().set.len()),
        V::Map(m) => Some(m.borrow().map.len()),
        V::Obj(o) => match &**o {
            Obj::MapView(m, _) => live_len(m),
            _ => None,
        },
        _ => None,
    }
}

fn fix_no_such(t: Thrown, class: &str, name: &str) -> Thrown {
    if t.class == "NoSuchMethod" {
        Thrown::iae(format!(
            "unknown static method [{name}] for class [{class}] (not implemented or not allowlisted)"
        ))
    } else {
        t
    }
}

pub fn const_equals(c: &Const, x: &V) -> bool {
    match c {
        Const::Str(s) => str_of(x) == Some(&**s),
        Const::Null => x.is_null(),
        // List.contains uses equals(): no numeric promotion
        other => java_equals(&const_value(other), x),
    }
}

pub fn ty_of_value(v: &V) -> Ty {
    match v {
        V::Byte(_) => Ty::Byte,
        V::Short(_) => Ty::Short,
        V::Char(_) => Ty::Char,
        V::Int(_) => Ty::Int,
        V::Long(_) => Ty::Long,
        V::Float(_) => Ty::Float,
        V::Double(_) => Ty::Double,
        V::Bool(_) => Ty::Bool,
        _ => Ty::Def,
    }
}

pub fn default_value(ty: &Ty) -> V {
    match ty {
        Ty::Bool => V::Bool(false),
        Ty::Byte => V::Byte(0),
        Ty::Short => V::Short(0),
        Ty::Char => V::Char(0),
        Ty::Int => V::Int(0),
        Ty::Long => V::Long(0),
        Ty::Float => V::Float(0.0),
        Ty::Double => V::Double(0.0),
        _ => V::Null,
    }
}

fn new_array(elem: &Ty, sizes: &[usize]) -> V {
    let n = sizes[0];
    let items = if sizes.len() > 1 {
        let inner = match elem {
            Ty::Array(e) => (**e).clone(),
            other => other.clone(),
        };
        (0..n).map(|_| new_array(&inner, &sizes[1..])).collect()
    } else {
        vec![default_value(elem); n]
    };
    V::Array(Rc::new(RefCell::new(ArrayObj {
        elem: elem.clone(),
        items,
    })))
}

/// `v instanceof T` for a parsed `instanceof`: plain maps, lists and strings answer from their
/// variant; views, documents and objects go through [`instance_of`].
#[inline]
pub fn type_test(v: &V, t: &TypeTest) -> bool {
    match (t.shape, v) {
        (TestShape::Other, _) | (_, V::Doc(_) | V::Obj(_) | V::Set(_) | V::Array(_)) => {
            instance_of(v, &t.ty)
        }
        (TestShape::Map, v) => matches!(v, V::Map(_)),
        (TestShape::List, v) => {
            matches!(v, V::List(l) if l.borrow().kind != crate::painless::rt::ListKind::ArrayDeque)
        }
        (TestShape::String, v) => matches!(v, V::Str(_)),
    }
}

pub fn instance_of(v: &V, ty: &Ty) -> bool {
    match ty {
        Ty::Def => !v.is_null(),
        Ty::Int => matches!(v, V::Int(_)),
        Ty::Long => matches!(v, V::Long(_)),
        Ty::Double => matches!(v, V::Double(_)),
        Ty::Float => matches!(v, V::Float(_)),
        Ty::Bool => matches!(v, V::Bool(_)),
        Ty::Byte => matches!(v, V::Byte(_)),
        Ty::Short => matches!(v, V::Short(_)),
        Ty::Char => matches!(v, V::Char(_)),
        _ => is_instance_ty(v, ty),
    }
}

/// `Def.defTo*Implicit` / `defTo*Explicit` failures: "cannot implicitly cast def [long] to int".
pub fn def_cast_error(from: &V, to: &Ty, implicit: bool) -> Thrown {
    let source = match ty_of_value(from) {
        Ty::Def => class_name(from),
        prim => prim.name(),
    };
    // `Def.defToboolean` is the one conversion with no implicit/explicit variant
    let how = match (to, implicit) {
        (Ty::Bool, _) => "",
        (_, true) => "implicitly ",
        (_, false) => "explicitly ",
    };
    Thrown::cce(format!("cannot {how}cast def [{source}] to {}", to.name()))
}

/// A `null` where a `def` must become a primitive: `Def.defTo*` call `value.getClass()` on it.
pub fn null_to_primitive() -> Thrown {
    Thrown::npe(Some(
        "Cannot invoke \"Object.getClass()\" because \"value\" is null".into(),
    ))
}

fn bootstrap_cce(from: &V, to: &str) -> Thrown {
    let f = class_name(from);
    Thrown::cce(format!(
        "class {f} cannot be cast to class {to} ({f} and {to} are in module java.base of loader 'bootstrap')"
    ))
}

fn box_name(ty: &Ty) -> String {
    match ty {
        Ty::Bool => "java.lang.Boolean".into(),
        Ty::Byte => "java.lang.Byte".into(),
        Ty::Short => "java.lang.Short".into(),
        Ty::Char => "java.lang.Character".into(),
        Ty::Int => "java.lang.Integer".into(),
        Ty::Long => "java.lang.Long".into(),
        Ty::Float => "java.lang.Float".into(),
        Ty::Double => "java.lang.Double".into(),
        Ty::Class(c) => api::class_fqn(c),
        other => other.name(),
    }
}

/// Implicit conversion when storing into a typed slot, passing an argument or returning.
#[inline]
pub fn coerce(v: V, ty: &Ty) -> R<V> {
    // `def` takes anything: the common case of untyped scripts, decided without a call
    if matches!(ty, Ty::Def) {
        return Ok(v);
    }
    coerce_typed(v, ty)
}

fn coerce_typed(v: V, ty: &Ty) -> R<V> {
    let bad = |v: &V| {
        if v.is_null() && ty.is_primitive() {
            null_to_primitive()
        } else if v.is_null() {
            Thrown::npe(None)
        } else if ty.is_primitive() {
            def_cast_error(v, ty, true)
        } else if let Ty::Class(
            "String" | "Boolean" | "Byte" | "Short" | "Character" | "Integer" | "Long" | "Float"
            | "Double",
        ) = ty
        {
            // `Def.defToStringImplicit`, `defToIntegerImplicit`, ...: a def becoming one of these
            // is converted by Painless, not checkcast by the JVM
            let source = match ty_of_value(v) {
                Ty::Def => class_name(v),
                prim => prim.name(),
            };
            Thrown::cce(format!(
                "cannot implicitly cast def [{source}] to {}",
                box_name(ty)
            ))
        } else {
            bootstrap_cce(v, &box_name(ty))
        }
    };
    match ty {
        Ty::Def | Ty::Void => Ok(v),
        Ty::Bool => match v {
            V::Bool(_) => Ok(v),
            _ => Err(bad(&v)),
        },
        Ty::Byte => match v {
            V::Byte(_) => Ok(v),
            V::Int(i) if i8::try_from(i).is_ok() => Ok(V::Byte(i as i8)),
            _ => Err(bad(&v)),
        },
        Ty::Short => match v {
            V::Short(_) => Ok(v),
            V::Byte(b) => Ok(V::Short(b as i16)),
            V::Int(i) if i16::try_from(i).is_ok() => Ok(V::Short(i as i16)),
            _ => Err(bad(&v)),
        },
        Ty::Char => match v {
            V::Char(_) => Ok(v),
            V::Int(i) if u16::try_from(i).is_ok() => Ok(V::Char(i as u16)),
            ref s if str_of(s).map(|s| s.encode_utf16().count() == 1) == Some(true) => Ok(V::Char(
                str_of(s).unwrap_or("").encode_utf16().next().unwrap_or(0),
            )),
            _ => Err(bad(&v)),
        },
        Ty::Int => match v {
            V::Int(_) => Ok(v),
            V::Byte(b) => Ok(V::Int(b as i32)),
            V::Short(s) => Ok(V::Int(s as i32)),
            V::Char(c) => Ok(V::Int(c as i32)),
            _ => Err(bad(&v)),
        },
        Ty::Long => match v {
            V::Long(_) => Ok(v),
            V::Byte(b) => Ok(V::Long(b as i64)),
            V::Short(s) => Ok(V::Long(s as i64)),
            V::Char(c) => Ok(V::Long(c as i64)),
            V::Int(i) => Ok(V::Long(i as i64)),
            _ => Err(bad(&v)),
        },
        Ty::Float => match v {
            V::Float(_) => Ok(v),
            V::Byte(_) | V::Short(_) | V::Char(_) | V::Int(_) | V::Long(_) => {
                Ok(V::Float(num_of(&v).map(|n| n.as_f32()).unwrap_or(0.0)))
            }
            _ => Err(bad(&v)),
        },
        Ty::Double => match v {
            V::Double(_) => Ok(v),
            V::Byte(_) | V::Short(_) | V::Char(_) | V::Int(_) | V::Long(_) | V::Float(_) => {
                Ok(V::Double(num_of(&v).map(|n| n.as_f64()).unwrap_or(0.0)))
            }
            _ => Err(bad(&v)),
        },
        Ty::Class(c) => {
            if v.is_null() || is_instance(&v, c) {
                return Ok(v);
            }
            // boxing of a matching primitive, and char to String
            match (*c, &v) {
                ("Integer", V::Byte(_) | V::Short(_) | V::Char(_)) => coerce(v, &Ty::Int),
                ("Long", V::Byte(_) | V::Short(_) | V::Char(_) | V::Int(_)) => coerce(v, &Ty::Long),
                ("Double", V::Int(_) | V::Long(_) | V::Float(_)) => coerce(v, &Ty::Double),
                ("Float", V::Int(_) | V::Long(_)) => coerce(v, &Ty::Float),
                ("String", V::Char(ch)) => Ok(V::string(String::from_utf16_lossy(&[*ch]))),
                _ => Err(bad(&v)),
            }
        }
        Ty::Array(_) => {
            if v.is_null() || is_instance_ty(&v, ty) {
                Ok(v)
            } else {
                Err(bad(&v))
            }
        }
    }
}

/// Explicit cast `(T) v`.
pub fn cast_explicit(v: V, ty: &Ty) -> R<V> {
    let fail = |v: &V| def_cast_error(v, ty, false);
    if ty.is_primitive() && *ty != Ty::Bool {
        if v.is_null() {
            return Err(Thrown::npe(None));
        }
        let n = match num_of(&v) {
            Some(n) => n,
            None => {
                if *ty == Ty::Char {
                    if let Some(s) = str_of(&v) {
                        let units: Vec<u16> = s.encode_utf16().collect();
                        if units.len() == 1 {
                            return Ok(V::Char(units[0]));
                        }
                        return Err(Thrown::cce(
                            "Cannot cast [String] with length greater than one to [char].",
                        ));
                    }
                }
                return Err(fail(&v));
            }
        };
        let as_long = |n: Num| -> i64 {
            match n {
                Num::I(i) => i as i64,
                Num::L(l) => l,
                Num::F(f) => f as i64,
                Num::D(d) => d as i64,
            }
        };
        let as_int = |n: Num| -> i32 {
            match n {
                Num::I(i) => i,
                Num::L(l) => l as i32,
                Num::F(f) => f as i32,
                Num::D(d) => d as i32,
            }
        };
        return Ok(match ty {
            Ty::Byte => V::Byte(as_int(n) as i8),
            Ty::Short => V::Short(as_int(n) as i16),
            Ty::Char => V::Char(as_int(n) as u16),
            Ty::Int => V::Int(as_int(n)),
            Ty::Long => V::Long(as_long(n)),
            Ty::Float => V::Float(n.as_f32()),
            Ty::Double => V::Double(n.as_f64()),
            _ => unreachable!("primitive"),
        });
    }
    match ty {
        Ty::Bool => match v {
            V::Bool(_) => Ok(v),
            V::Null => Err(Thrown::npe(None)),
            _ => Err(fail(&v)),
        },
        Ty::Class(c) => {
            if v.is_null() || is_instance(&v, c) {
                return Ok(v);
            }
            match (*c, &v) {
                ("Integer", _)
                | ("Long", _)
                | ("Double", _)
                | ("Float", _)
                | ("Short", _)
                | ("Byte", _)
                    if v.is_number() || matches!(v, V::Char(_)) =>
                {
                    let prim = match *c {
                        "Integer" => Ty::Int,
                        "Long" => Ty::Long,
                        "Double" => Ty::Double,
                        "Float" => Ty::Float,
                        "Short" => Ty::Short,
                        _ => Ty::Byte,
                    };
                    cast_explicit(v, &prim)
                }
                ("Character", _) => cast_explicit(v, &Ty::Char),
                ("String", V::Char(ch)) => Ok(V::string(String::from_utf16_lossy(&[*ch]))),
                _ => Err(bootstrap_cce(&v, &api::class_fqn(c))),
            }
        }
        _ => coerce(v, ty),
    }
}

fn op_type_error(op: &str, a: &V, b: &V) -> Thrown {
    Thrown::cce(format!(
        "Cannot apply [{op}] operation to types [{}] and [{}].",
        class_name(a),
        class_name(b)
    ))
}

fn null_operand(a: &V) -> Thrown {
    if a.is_null() {
        Thrown::npe(Some(
            "Cannot invoke \"Object.getClass()\" because \"leftObject\" is null".into(),
        ))
    } else {
        Thrown::npe(Some(
            "Cannot invoke \"Object.getClass()\" because \"rightObject\" is null".into(),
        ))
    }
}

pub fn unary(op: UnOp, v: V) -> R<V> {
    match op {
        // `!` converts its operand to boolean first (`Def.defToboolean` for a def)
        UnOp::Not => match v {
            V::Bool(b) => Ok(V::Bool(!b)),
            V::Null => Err(null_to_primitive()),
            other => Err(def_cast_error(&other, &Ty::Bool, true)),
        },
        UnOp::Neg | UnOp::Plus | UnOp::BitNot => {
            let n = match num_of(&v) {
                Some(n) => n,
                None if v.is_null() => return Err(Thrown::npe(None)),
                None => {
                    return Err(Thrown::cce(format!(
                        "Cannot apply [{}] operation to type [{}].",
                        match op {
                            UnOp::Neg => "-",
                            UnOp::Plus => "+",
                            _ => "~",
                        },
                        class_name(&v)
                    )))
                }
            };
            Ok(match (op, n) {
                (UnOp::Plus, n) => n.to_v(),
                (UnOp::Neg, Num::I(i)) => V::Int(i.wrapping_neg()),
                (UnOp::Neg, Num::L(l)) => V::Long(l.wrapping_neg()),
                (UnOp::Neg, Num::F(f)) => V::Float(-f),
                (UnOp::Neg, Num::D(d)) => V::Double(-d),
                (_, Num::I(i)) => V::Int(!i),
                (_, Num::L(l)) => V::Long(!l),
                (_, _) => {
                    return Err(Thrown::cce(format!(
                        "Cannot apply [~] operation to type [{}].",
                        class_name(&v)
                    )))
                }
            })
        }
    }
}

pub fn binary(op: BinOp, a: &V, b: &V) -> R<V> {
    if op == BinOp::Add && (str_of(a).is_some() || str_of(b).is_some()) {
        let mut s = to_java_string(a);
        let t = to_java_string(b);
        check_string(s.len() + t.len())?;
        s.push_str(&t);
        return Ok(V::string(s));
    }
    if matches!(op, BinOp::Find | BinOp::Match) {
        return api::regex::regex_op(op, a, b);
    }
    if let (V::Bool(x), V::Bool(y)) = (a, b) {
        return match op {
            BinOp::BitAnd => Ok(V::Bool(*x & *y)),
            BinOp::BitOr => Ok(V::Bool(*x | *y)),
            BinOp::BitXor => Ok(V::Bool(*x ^ *y)),
            _ => Err(op_type_error(op.symbol(), a, b)),
        };
    }
    if a.is_null() || b.is_null() {
        return Err(null_operand(a));
    }
    let (Some(x), Some(y)) = (num_of(a), num_of(b)) else {
        return Err(op_type_error(op.symbol(), a, b));
    };
    if matches!(op, BinOp::Shl | BinOp::Shr | BinOp::Ushr) {
        let dist = match y {
            Num::I(i) => i as i64,
            Num::L(l) => l,
            _ => return Err(op_type_error(op.symbol(), a, b)),
        };
        return Ok(match x {
            Num::I(i) => {
                let d = (dist & 31) as u32;
                V::Int(match op {
                    BinOp::Shl => i.wrapping_shl(d),
                    BinOp::Shr => i.wrapping_shr(d),
                    _ => ((i as u32).wrapping_shr(d)) as i32,
                })
            }
            Num::L(l) => {
                let d = (dist & 63) as u32;
                V::Long(match op {
                    BinOp::Shl => l.wrapping_shl(d),
                    BinOp::Shr => l.wrapping_shr(d),
                    _ => ((l as u64).wrapping_shr(d)) as i64,
                })
            }
            _ => return Err(op_type_error(op.symbol(), a, b)),
        });
    }
    let kind = promote(&x, &y);
    let div_zero = || Thrown::new("ArithmeticException", "/ by zero");
    Ok(match kind {
        // Java int and long arithmetic: two's-complement wrapping, `/ by zero` for both / and %
        NumKind::Int | NumKind::Long => {
            macro_rules! integral {
                ($p:expr, $q:expr) => {{
                    let (p, q) = ($p, $q);
                    match op {
                        BinOp::Add => p.wrapping_add(q),
                        BinOp::Sub => p.wrapping_sub(q),
                        BinOp::Mul => p.wrapping_mul(q),
                        BinOp::Div | BinOp::Rem if q == 0 => return Err(div_zero()),
                        BinOp::Div => p.wrapping_div(q),
                        BinOp::Rem => p.wrapping_rem(q),
                        BinOp::BitAnd => p & q,
                        BinOp::BitOr => p | q,
                        BinOp::BitXor => p ^ q,
                        _ => return Err(op_type_error(op.symbol(), a, b)),
                    }
                }};
            }
            if kind == NumKind::Int {
                V::Int(integral!(x.as_i32(), y.as_i32()))
            } else {
                V::Long(integral!(x.as_i64(), y.as_i64()))
            }
        }
        NumKind::Float => {
            let (p, q) = (x.as_f32(), y.as_f32());
            V::Float(match op {
                BinOp::Add => p + q,
                BinOp::Sub => p - q,
                BinOp::Mul => p * q,
                BinOp::Div => p / q,
                BinOp::Rem => p % q,
                _ => return Err(op_type_error(op.symbol(), a, b)),
            })
        }
        NumKind::Double => {
            let (p, q) = (x.as_f64(), y.as_f64());
            V::Double(match op {
                BinOp::Add => p + q,
                BinOp::Sub => p - q,
                BinOp::Mul => p * q,
                BinOp::Div => p / q,
                BinOp::Rem => p % q,
                _ => return Err(op_type_error(op.symbol(), a, b)),
            })
        }
    })
}

pub fn compare(op: CmpOp, a: &V, b: &V) -> R<bool> {
    match op {
        CmpOp::Eq => Ok(painless_eq(a, b)),
        CmpOp::Ne => Ok(!painless_eq(a, b)),
        CmpOp::RefEq => Ok(identity_eq(a, b)),
        CmpOp::RefNe => Ok(!identity_eq(a, b)),
        _ => {
            let sym = match op {
                CmpOp::Lt => "<",
                CmpOp::Le => "<=",
                CmpOp::Gt => ">",
                _ => ">=",
            };
            if a.is_null() || b.is_null() {
                return Err(null_operand(a));
            }
            let (Some(x), Some(y)) = (num_of(a), num_of(b)) else {
                return Err(op_type_error(sym, a, b));
            };
            let ord = match promote(&x, &y) {
                NumKind::Int | NumKind::Long => x.as_i64().partial_cmp(&y.as_i64()),
                _ => x.as_f64().partial_cmp(&y.as_f64()),
            };
            let Some(ord) = ord else {
                return Ok(false);
            };
            use std::cmp::Ordering::*;
            Ok(match op {
                CmpOp::Lt => ord == Less,
                CmpOp::Le => ord != Greater,
                CmpOp::Gt => ord == Greater,
                _ => ord != Less,
            })
        }
    }
}

// ----- field and element access -----

fn readonly() -> Thrown {
    Thrown::unsupported(Some(
        "Mutating ingest documents in conditionals is not supported".into(),
    ))
}

fn list_index(i: &V, len: usize) -> R<usize> {
    let idx = match i {
        V::Int(n) => *n as i64,
        V::Short(n) => *n as i64,
        V::Byte(n) => *n as i64,
        V::Char(n) => *n as i64,
        V::Null => return Err(Thrown::npe(None)),
        other => return Err(bootstrap_cce(other, "java.lang.Integer")),
    };
    // Painless normalises negative indexes from the end (Def.normalizeIndex)
    let norm = if idx < 0 { idx + len as i64 } else { idx };
    if norm < 0 || norm >= len as i64 {
        return Err(Thrown::new(
            "IndexOutOfBoundsException",
            format!("Index {idx} out of bounds for length {len}"),
        ));
    }
    Ok(norm as usize)
}

pub fn get_index(r: &V, i: &V) -> R<V> {
    match r {
        V::Null => Err(Thrown::npe(Some(
            "cannot access method/field [get] from a null def reference".into(),
        ))),
        V::Map(m) => Ok(m.borrow().get(i).cloned().unwrap_or(V::Null)),
        V::List(l) => {
            let l = l.borrow();
            let idx = list_index(i, l.items.len())?;
            Ok(l.items[idx].clone())
        }
        V::Array(a) => {
            let a = a.borrow();
            let idx = list_index(i, a.items.len()).map_err(|mut t| {
                if t.class == "IndexOutOfBoundsException" {
                    t.class = "ArrayIndexOutOfBoundsException";
                }
                t
            })?;
            Ok(a.items[idx].clone())
        }
        V::Doc(d) => match d.node() {
            crate::painless::rt::DocNode::Val(crate::value::Value::List(items)) => {
                let idx = list_index(i, items.len())?;
                Ok(doc_value(&items[idx]))
            }
            _ => match d.map() {
                Some(m) => Ok(str_of(i)
                    .and_then(|k| m.get(k))
                    .map(doc_value)
                    .unwrap_or(V::Null)),
                None => Err(Thrown::iae(format!(
                    "Attempting to address a non-array-like type [{}] as an array.",
                    class_name(r)
                ))),
            },
        },
        other => Err(Thrown::iae(format!(
            "Attempting to address a non-array-like type [{}] as an array.",
            class_name(other)
        ))),
    }
}

pub fn set_index(r: &V, i: &V, v: V) -> R<V> {
    match r {
        V::Null => Err(Thrown::npe(Some(
            "cannot access method/field [put] from a null def reference".into(),
        ))),
        V::Map(m) => {
            m.borrow_mut().put(i.clone(), v.clone())?;
            Ok(v)
        }
        V::List(l) => {
            let mut l = l.borrow_mut();
            if l.kind == ListKind::Immutable {
                return Err(Thrown::unsupported(None));
            }
            let idx = list_index(i, l.items.len())?;
            l.items[idx] = v.clone();
            Ok(v)
        }
        V::Array(a) => {
            let mut a = a.borrow_mut();
            let idx = list_index(i, a.items.len()).map_err(|mut t| {
                if t.class == "IndexOutOfBoundsException" {
                    t.class = "ArrayIndexOutOfBoundsException";
                }
                t
            })?;
            let elem = a.elem.clone();
            let v = if elem.is_primitive() {
                cast_explicit(v, &elem)?
            } else {
                coerce(v, &elem)?
            };
            a.items[idx] = v.clone();
            Ok(v)
        }
        V::Doc(_) => Err(readonly()),
        other => Err(Thrown::iae(format!(
            "Attempting to address a non-array-like type [{}] as an array.",
            class_name(other)
        ))),
    }
}

pub fn get_field(r: &V, name: &str) -> R<V> {
    match r {
        V::Null => Err(Thrown::npe(Some(format!(
            "cannot access method/field [{name}] from a null def reference"
        )))),
        V::Map(m) => {
            // getters of Map shadow keys (Def.lookupGetter tries getters first)
            if name == "empty" {
                return Ok(V::Bool(m.borrow().map.is_empty()));
            }
            Ok(m.borrow().get_str(name).cloned().unwrap_or(V::Null))
        }
        V::Doc(d) => {
            if let Some(m) = d.map() {
                if name == "empty" {
                    return Ok(V::Bool(m.is_empty()));
                }
                return Ok(m.get(name).map(doc_value).unwrap_or(V::Null));
            }
            match d.node() {
                crate::painless::rt::DocNode::Val(crate::value::Value::List(items)) => {
                    list_getter(items.len(), name, r)
                }
                crate::painless::rt::DocNode::Val(crate::value::Value::Set(s))
                    if name == "empty" =>
                {
                    Ok(V::Bool(s.items.is_empty()))
                }
                _ => other_getter(r, name),
            }
        }
        V::List(l) => {
            let len = l.borrow().items.len();
            if let Ok(idx) = name.parse::<i32>() {
                return get_index(r, &V::Int(idx));
            }
            list_getter(len, name, r)
        }
        V::Array(a) if name == "length" => Ok(V::Int(a.borrow().items.len() as i32)),
        V::Set(s) if name == "empty" => Ok(V::Bool(s.borrow().set.is_empty())),
        V::Obj(o) => match o.get_field(name) {
            Some(v) => Ok(v),
            None => other_getter(r, name),
        },
        _ => other_getter(r, name),
    }
}

fn list_getter(len: usize, name: &str, r: &V) -> R<V> {
    match name {
        "length" => Ok(V::Int(len as i32)),
        "empty" => Ok(V::Bool(len == 0)),
        _ => {
            if let Ok(idx) = name.parse::<i32>() {
                return get_index(r, &V::Int(idx));
            }
            Err(Thrown::iae(format!(
                "Illegal list shortcut value [{name}]."
            )))
        }
    }
}

fn other_getter(r: &V, name: &str) -> R<V> {
    if name == "empty" {
        if let Some(s) = str_of(r) {
            return Ok(V::Bool(s.is_empty()));
        }
    }
    Err(Thrown::iae(format!(
        "dynamic getter [{}, {name}] not found",
        class_name(r)
    )))
}

pub fn set_field(r: &V, name: &str, v: V) -> R<()> {
    match r {
        V::Null => Err(Thrown::npe(Some(format!(
            "cannot access method/field [{name}] from a null def reference"
        )))),
        V::Map(m) => {
            m.borrow_mut().put(V::str(name), v)?;
            Ok(())
        }
        V::List(_) => {
            if let Ok(idx) = name.parse::<i32>() {
                set_index(r, &V::Int(idx), v)?;
                return Ok(());
            }
            Err(Thrown::iae(format!(
                "Illegal list shortcut value [{name}]."
            )))
        }
        V::Doc(_) => Err(readonly()),
        V::Obj(o) => o.set_field(name, v),
        _ => Err(Thrown::iae(format!(
            "dynamic setter [{}, {name}] not found",
            class_name(r)
        ))),
    }
}

#[cfg(test)]
mod forwarding_tests {
    use crate::painless::run_for_cli;

    fn run(src: &str) -> serde_json::Value {
        run_for_cli(src, None, None)
    }

    #[test]
    fn forwarding_lambdas_behave_like_plain_ones() {
        let cases = [
            (
                "int twice(int x) { return 2 * x } def l = [1, 2, 3]; l.replaceAll(x -> twice(x)); return l",
                "int twice(int x) { return 2 * x } def l = [1, 2, 3]; l.replaceAll(x -> { return twice(x) }); return l",
            ),
            (
                "int boom(def x) { return x.length() } return [1].stream().map(x -> boom(x)).collect(Collectors.toList())",
                "int boom(def x) { return x.length() } return [1].stream().map(x -> { return boom(x) }).collect(Collectors.toList())",
            ),
            (
                "boolean gone(def v, def w) { return v == w } def m = ['a': 1, 'b': 2]; m.entrySet().removeIf(e -> gone(e)); return m",
                "boolean gone(def v, def w) { return v == w } def m = ['a': 1, 'b': 2]; m.entrySet().removeIf(e -> { return gone(e) }); return m",
            ),
        ];
        for (forwarded, plain) in cases {
            let (a, b) = (run(forwarded), run(plain));
            assert_eq!(a.get("value"), b.get("value"), "{forwarded}");
            assert_eq!(
                a.pointer("/error/caused_by/type"),
                b.pointer("/error/caused_by/type"),
                "{forwarded}: {a}"
            );
        }
        assert_eq!(run(cases[0].0)["value"], serde_json::json!([2, 4, 6]));
        assert!(run(cases[1].0).get("error").is_some());
    }

    #[test]
    fn a_lambda_without_captures_is_one_object() {
        let same =
            "def l = []; for (int i = 0; i < 2; i++) { l.add(x -> x + 1) } return l[0] === l[1]";
        assert_eq!(run(same)["value"], serde_json::json!(true));
        let captured = "def l = []; for (int i = 0; i < 2; i++) { int k = i; l.add(x -> x + k) } return [l[0] === l[1], l[1].apply(1)]";
        assert_eq!(run(captured)["value"], serde_json::json!([false, 2]));
    }
}

#[cfg(test)]
mod type_test_tests {
    use super::*;
    use crate::value::{Map as DocMap, Value};

    #[test]
    fn parsed_shapes_answer_like_the_class_name_test() {
        let doc_map = DocMap::default();
        let doc_list = Value::List(vec![]);
        let doc_str = Value::String("s".into());
        let values = [
            V::Null,
            V::Int(1),
            V::Bool(true),
            V::str("s"),
            V::new_list(vec![]),
            V::new_map(CollectionKind::Hash),
            V::new_set(CollectionKind::Hash),
            V::Doc(DocRef::Map(&doc_map)),
            V::Doc(DocRef::Val(&doc_list)),
            V::Doc(DocRef::Val(&doc_str)),
        ];
        for class in ["Map", "List", "String", "Collection", "Object", "HashMap"] {
            let t = TypeTest::new(Ty::Class(class));
            for v in &values {
                assert_eq!(
                    type_test(v, &t),
                    instance_of(v, &t.ty),
                    "{class} / {}",
                    class_name(v)
                );
            }
        }
        assert_eq!(
            TypeTest::new(Ty::Class("Map")).shape,
            TestShape::Map,
            "the fast path is taken"
        );
    }
}
