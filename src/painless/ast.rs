//! Resolved syntax tree: variables are frame slots, user functions are indexes.

use std::sync::Arc;

/// Static type of a declaration, parameter or cast.
#[derive(Debug, Clone, PartialEq)]
pub enum Ty {
    Def,
    Void,
    Bool,
    Byte,
    Short,
    Char,
    Int,
    Long,
    Float,
    Double,
    /// A reference type by Painless name (`String`, `Map`, `ArrayList`, `Map.Entry`, ...).
    Class(&'static str),
    Array(Box<Ty>),
}

impl Ty {
    pub fn is_primitive(&self) -> bool {
        matches!(
            self,
            Ty::Bool
                | Ty::Byte
                | Ty::Short
                | Ty::Char
                | Ty::Int
                | Ty::Long
                | Ty::Float
                | Ty::Double
        )
    }

    /// Painless's canonical type name (error messages).
    pub fn name(&self) -> String {
        match self {
            Ty::Def => "def".into(),
            Ty::Void => "void".into(),
            Ty::Bool => "boolean".into(),
            Ty::Byte => "byte".into(),
            Ty::Short => "short".into(),
            Ty::Char => "char".into(),
            Ty::Int => "int".into(),
            Ty::Long => "long".into(),
            Ty::Float => "float".into(),
            Ty::Double => "double".into(),
            Ty::Class(c) => c.to_string(),
            Ty::Array(e) => format!("{}[]", e.name()),
        }
    }
}

/// The class of an `instanceof`. The collection and string interfaces that scripts test all the
/// time are told apart once, at parse time, so evaluating the test compares no class names.
#[derive(Debug, Clone)]
pub struct TypeTest {
    pub ty: Ty,
    pub shape: TestShape,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestShape {
    Map,
    List,
    String,
    Other,
}

impl TypeTest {
    pub fn new(ty: Ty) -> TypeTest {
        let shape = match ty {
            Ty::Class("Map") => TestShape::Map,
            Ty::Class("List") => TestShape::List,
            Ty::Class("String") => TestShape::String,
            _ => TestShape::Other,
        };
        TypeTest { ty, shape }
    }
}

/// Compile-time constant (kept `Send + Sync` so compiled scripts can be shared).
#[derive(Debug, Clone)]
pub enum Const {
    Null,
    Bool(bool),
    Int(i32),
    Long(i64),
    Float(f32),
    Double(f64),
    Str(Arc<str>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Mul,
    Div,
    Rem,
    Add,
    Sub,
    Shl,
    Shr,
    Ushr,
    BitAnd,
    BitXor,
    BitOr,
    Find,
    Match,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Rem => "%",
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Shl => "<<",
            BinOp::Shr => ">>",
            BinOp::Ushr => ">>>",
            BinOp::BitAnd => "&",
            BinOp::BitXor => "^",
            BinOp::BitOr => "|",
            BinOp::Find => "=~",
            BinOp::Match => "==~",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    RefEq,
    RefNe,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnOp {
    Neg,
    Plus,
    Not,
    BitNot,
}

#[derive(Debug)]
pub struct Expr {
    pub kind: ExprKind,
    /// Source offset Painless would report for a failure in this node.
    pub off: usize,
}

#[derive(Debug)]
pub enum ExprKind {
    Const(Const),
    Regex(Arc<super::api::regex::CompiledRegex>),
    Local(usize),
    ListInit(Vec<Expr>),
    MapInit(Vec<(Expr, Expr)>),
    /// `[c1, c2, ...].contains(x)` with constant elements: no list is built per evaluation.
    ConstContains(Vec<Const>, Box<Expr>),
    New(&'static str, Vec<Expr>),
    NewArray(Ty, Vec<Expr>),
    ArrayInit(Ty, Vec<Expr>),
    Field {
        recv: Box<Expr>,
        name: Arc<str>,
        nullsafe: bool,
    },
    Index {
        recv: Box<Expr>,
        index: Box<Expr>,
    },
    Call {
        recv: Box<Expr>,
        name: Arc<str>,
        args: Vec<Expr>,
        nullsafe: bool,
    },
    StaticCall {
        class: &'static str,
        name: Arc<str>,
        args: Vec<Expr>,
    },
    StaticField {
        class: &'static str,
        name: Arc<str>,
    },
    UserCall(usize, Vec<Expr>),
    /// Script-level helper functions (`field`, `$`).
    BuiltinCall(&'static str, Vec<Expr>),
    Unary(UnOp, Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Cmp(CmpOp, Box<Expr>, Box<Expr>),
    InstanceOf(Box<Expr>, TypeTest),
    Cast(Ty, Box<Expr>),
    Cond(Box<Expr>, Box<Expr>, Box<Expr>),
    Elvis(Box<Expr>, Box<Expr>),
    Assign {
        target: Box<Expr>,
        op: Option<BinOp>,
        value: Box<Expr>,
    },
    IncDec {
        target: Box<Expr>,
        pre: bool,
        delta: i32,
    },
    /// Lambda: index into `Program::lambdas`, with the outer slots it captures.
    Lambda(usize, Vec<usize>),
    /// `Type::method`, `this::fn`, `var::method`, `Type::new`.
    FnRef(FnRefKind),
}

#[derive(Debug)]
pub enum FnRefKind {
    Static(&'static str, Arc<str>),
    User(usize),
    Bound(Box<Expr>, Arc<str>),
    Ctor(&'static str),
}

#[derive(Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub off: usize,
}

#[derive(Debug)]
pub enum StmtKind {
    Expr(Expr),
    Decl(Vec<(usize, Option<Expr>)>),
    If(Expr, Vec<Stmt>, Option<Vec<Stmt>>),
    While(Expr, Vec<Stmt>),
    DoWhile(Vec<Stmt>, Expr),
    For {
        init: Option<Box<Stmt>>,
        cond: Option<Expr>,
        update: Vec<Expr>,
        body: Vec<Stmt>,
    },
    ForEach {
        slot: usize,
        iter: Expr,
        body: Vec<Stmt>,
    },
    Block(Vec<Stmt>),
    Break,
    Continue,
    Return(Option<Expr>),
    Throw(Expr),
    Try {
        body: Vec<Stmt>,
        catches: Vec<Catch>,
    },
}

#[derive(Debug)]
pub struct Catch {
    pub class: &'static str,
    pub slot: usize,
    pub body: Vec<Stmt>,
}

/// A function body with its frame layout.
#[derive(Debug)]
pub struct Func {
    pub name: String,
    pub ret: Ty,
    pub nparams: usize,
    /// Declared type of every slot (params first; captures first for lambdas).
    pub slot_types: Vec<Ty>,
    pub body: Vec<Stmt>,
    pub off: usize,
}

#[derive(Debug)]
pub struct Lambda {
    /// Inner slots receiving the captured values, in the order of `ExprKind::Lambda`'s outer slots.
    pub capture_slots: Vec<usize>,
    pub nparams: usize,
    pub slot_types: Vec<Ty>,
    pub body: LambdaBody,
    /// Set when the body only calls a script function with the parameters in order
    /// (`x -> prune(x)`): the function and the call's offset, so a call can skip the lambda frame.
    pub forwards_to: Option<(usize, usize)>,
}

impl Lambda {
    pub fn new(
        capture_slots: Vec<usize>,
        nparams: usize,
        slot_types: Vec<Ty>,
        body: LambdaBody,
    ) -> Lambda {
        let forwards_to = match &body {
            LambdaBody::Expr(Expr {
                kind: ExprKind::UserCall(function, call_args),
                off,
            }) if call_args.len() == nparams
                && call_args
                    .iter()
                    .enumerate()
                    .all(|(i, a)| matches!(a.kind, ExprKind::Local(slot) if slot == i)) =>
            {
                Some((*function, *off))
            }
            _ => None,
        };
        Lambda {
            capture_slots,
            nparams,
            slot_types,
            body,
            forwards_to,
        }
    }
}

#[derive(Debug)]
pub enum LambdaBody {
    Expr(Expr),
    Block(Vec<Stmt>),
}

/// The main body's slot of `params` (declared first by the parser).
pub const PARAMS_SLOT: usize = 0;
/// The main body's slot of `ctx` (declared second by the parser).
pub const CTX_SLOT: usize = 1;

#[derive(Debug)]
pub struct Program {
    pub functions: Vec<Func>,
    pub lambdas: Vec<Lambda>,
    /// Main body: [`PARAMS_SLOT`] holds `params`, [`CTX_SLOT`] holds `ctx`.
    pub main: Func,
    /// Start offsets of all statements (for `script_stack` snippets).
    pub statement_starts: Vec<usize>,
}
