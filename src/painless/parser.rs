//! Recursive-descent parser that also resolves names (locals to slots, calls to functions).

use super::ast::*;
use super::lexer::{tokenize, Tok, Token};
use std::collections::HashMap;
use std::sync::Arc;

/// Reference types the parser recognises as type names (Painless's lexer knows its allowlisted
/// types the same way, which is what makes `(Map) o` a cast).
pub const CLASSES: &[&str] = &[
    "Object",
    "String",
    "CharSequence",
    "Number",
    "Integer",
    "Long",
    "Double",
    "Float",
    "Short",
    "Byte",
    "Character",
    "Boolean",
    "Math",
    "StrictMath",
    "Map",
    "HashMap",
    "LinkedHashMap",
    "TreeMap",
    "Map.Entry",
    "Normalizer",
    "Normalizer.Form",
    "List",
    "ArrayList",
    "LinkedList",
    "Set",
    "HashSet",
    "LinkedHashSet",
    "TreeSet",
    "Collection",
    "Iterable",
    "Iterator",
    "ListIterator",
    "Collections",
    "Arrays",
    "Objects",
    "Optional",
    "StringBuilder",
    "StringBuffer",
    "StringJoiner",
    "StringTokenizer",
    "Enumeration",
    "CIDR",
    "Pattern",
    "Matcher",
    "Base64",
    "Exception",
    "RuntimeException",
    "IllegalArgumentException",
    "IllegalStateException",
    "NullPointerException",
    "UnsupportedOperationException",
    "ArithmeticException",
    "ClassCastException",
    "NumberFormatException",
    "IndexOutOfBoundsException",
    "NoSuchElementException",
    "ArrayIndexOutOfBoundsException",
    "StringIndexOutOfBoundsException",
    "Collectors",
    "Stream",
    "Comparator",
    "Function",
    "BiFunction",
    "Predicate",
    "Consumer",
    "BiConsumer",
    "Supplier",
    "ZonedDateTime",
    "Instant",
    "Date",
    "LocalDateTime",
    "LocalDate",
    "ZoneId",
    "ZoneOffset",
    "DateTimeFormatter",
    "ChronoUnit",
    "Duration",
    "DayOfWeek",
    "Month",
    "Processors",
    "Json",
    "Locale",
    "Deque",
    "ArrayDeque",
    "AbstractCollection",
    "AbstractList",
    "AbstractSequentialList",
    "AbstractSet",
    "AbstractMap",
    "AbstractQueue",
    "Queue",
];

/// The package of each class in [`CLASSES`]: Painless knows every class by its fully qualified
/// name too (`PainlessLookupBuilder`), so `java.util.List` is `List`.
fn package_of(class: &str) -> &'static str {
    match class {
        "Map"
        | "HashMap"
        | "LinkedHashMap"
        | "TreeMap"
        | "Map.Entry"
        | "List"
        | "ArrayList"
        | "LinkedList"
        | "Set"
        | "HashSet"
        | "LinkedHashSet"
        | "TreeSet"
        | "Collection"
        | "Iterator"
        | "ListIterator"
        | "Collections"
        | "Arrays"
        | "Objects"
        | "Optional"
        | "StringJoiner"
        | "StringTokenizer"
        | "Enumeration"
        | "Base64"
        | "NoSuchElementException"
        | "Comparator"
        | "Locale"
        | "Deque"
        | "ArrayDeque"
        | "AbstractCollection"
        | "AbstractList"
        | "AbstractSequentialList"
        | "AbstractSet"
        | "AbstractMap"
        | "AbstractQueue"
        | "Queue" => "java.util",
        "Pattern" | "Matcher" => "java.util.regex",
        "Collectors" | "Stream" => "java.util.stream",
        "Function" | "BiFunction" | "Predicate" | "Consumer" | "BiConsumer" | "Supplier" => {
            "java.util.function"
        }
        "ZonedDateTime" | "Instant" | "LocalDateTime" | "LocalDate" | "ZoneId" | "ZoneOffset"
        | "Duration" | "DayOfWeek" | "Month" => "java.time",
        "DateTimeFormatter" => "java.time.format",
        "ChronoUnit" => "java.time.temporal",
        "CIDR" | "Json" => "org.elasticsearch.painless.api",
        "Normalizer" | "Normalizer.Form" => "java.text",
        "Processors" => "org.elasticsearch.ingest.common",
        _ => "java.lang",
    }
}

/// Replaces each fully qualified class name (`java.util.List`, `java.util.Map.Entry`) by the
/// class's own name, so that the parser sees the type it stands for.
fn collapse_qualified_names(toks: Vec<Token>) -> Vec<Token> {
    let starts_package = |t: &Tok| matches!(t, Tok::Ident(s) if s == "java" || s == "org");
    if !toks.iter().any(|t| starts_package(&t.tok)) {
        return toks;
    }
    let mut out = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        if starts_package(&toks[i].tok) && (i == 0 || !matches!(toks[i - 1].tok, Tok::Punct("."))) {
            // the longest `a.b.C` chain that names a known class
            let mut dotted = String::new();
            let mut best: Option<(usize, &'static str)> = None;
            let mut j = i;
            while let Tok::Ident(part) = &toks[j].tok {
                if !dotted.is_empty() {
                    dotted.push('.');
                }
                dotted.push_str(part);
                let names_class = |c: &&&str| {
                    dotted
                        .strip_prefix(package_of(c))
                        .and_then(|rest| rest.strip_prefix('.'))
                        == Some(**c)
                };
                if let Some(class) = CLASSES.iter().find(names_class) {
                    best = Some((j, class));
                }
                if j + 2 < toks.len() && matches!(toks[j + 1].tok, Tok::Punct(".")) {
                    j += 2;
                } else {
                    break;
                }
            }
            if let Some((last, class)) = best {
                let (start, end) = (toks[i].start, toks[last].end);
                let mut rest = class.split('.');
                // `Map.Entry` stays three tokens, as the parser reads it
                out.push(Token {
                    tok: Tok::Ident(rest.next().unwrap_or(class).to_string()),
                    start,
                    end,
                });
                for part in rest {
                    out.push(Token {
                        tok: Tok::Punct("."),
                        start: end,
                        end,
                    });
                    out.push(Token {
                        tok: Tok::Ident(part.to_string()),
                        start: end,
                        end,
                    });
                }
                i = last + 1;
                continue;
            }
        }
        out.push(toks[i].clone());
        i += 1;
    }
    out
}

/// A class nested in another (`Map.Entry`, `Normalizer.Form`), named by its two parts.
fn nested_class(outer: &str, inner: &str) -> Option<&'static str> {
    match (outer, inner) {
        ("Map", "Entry") => Some("Map.Entry"),
        ("Normalizer", "Form") => Some("Normalizer.Form"),
        _ => None,
    }
}

pub fn lookup_class(name: &str) -> Option<&'static str> {
    CLASSES.iter().copied().find(|c| *c == name)
}

fn primitive(name: &str) -> Option<Ty> {
    Some(match name {
        "def" => Ty::Def,
        "void" => Ty::Void,
        "boolean" => Ty::Bool,
        "byte" => Ty::Byte,
        "short" => Ty::Short,
        "char" => Ty::Char,
        "int" => Ty::Int,
        "long" => Ty::Long,
        "float" => Ty::Float,
        "double" => Ty::Double,
        _ => return None,
    })
}

const KEYWORDS: &[&str] = &[
    "if",
    "else",
    "while",
    "do",
    "for",
    "in",
    "continue",
    "break",
    "return",
    "new",
    "try",
    "catch",
    "throw",
    "this",
    "instanceof",
];

#[derive(Debug)]
pub struct ParseError {
    pub offset: usize,
    pub message: String,
}

type PResult<T> = Result<T, ParseError>;

struct FnScope {
    slot_types: Vec<Ty>,
    scopes: Vec<Vec<(String, usize)>>,
    is_lambda: bool,
    /// (outer slot, inner slot)
    captures: Vec<(usize, usize)>,
}

impl FnScope {
    fn new(is_lambda: bool) -> FnScope {
        FnScope {
            slot_types: Vec::new(),
            scopes: vec![Vec::new()],
            is_lambda,
            captures: Vec::new(),
        }
    }
    fn find(&self, name: &str) -> Option<usize> {
        for scope in self.scopes.iter().rev() {
            for (n, s) in scope.iter().rev() {
                if n == name {
                    return Some(*s);
                }
            }
        }
        None
    }
}

pub struct Parser<'a> {
    src: &'a str,
    toks: Vec<Token>,
    pos: usize,
    fn_sigs: HashMap<(String, usize), usize>,
    scopes: Vec<FnScope>,
    lambdas: Vec<Option<Lambda>>,
    statement_starts: Vec<usize>,
    loop_depth: usize,
    /// Nesting of expressions/statements being parsed (guards the native stack).
    nesting: usize,
}

const MAX_NESTING: usize = 64;

pub fn parse(src: &str) -> PResult<Program> {
    let toks = tokenize(src).map_err(|e| ParseError {
        offset: e.offset,
        message: e.message,
    })?;
    let toks = collapse_qualified_names(toks);
    let mut p = Parser {
        src,
        toks,
        pos: 0,
        fn_sigs: HashMap::new(),
        scopes: Vec::new(),
        lambdas: Vec::new(),
        statement_starts: Vec::new(),
        loop_depth: 0,
        nesting: 0,
    };
    p.program()
}

impl<'a> Parser<'a> {
    fn peek(&self) -> &Tok {
        &self.toks[self.pos].tok
    }
    fn peek_at(&self, n: usize) -> &Tok {
        let i = (self.pos + n).min(self.toks.len() - 1);
        &self.toks[i].tok
    }
    fn off(&self) -> usize {
        self.toks[self.pos].start
    }
    fn bump(&mut self) -> Token {
        let t = self.toks[self.pos].clone();
        if self.pos < self.toks.len() - 1 {
            self.pos += 1;
        }
        t
    }
    fn is_punct(&self, p: &str) -> bool {
        matches!(self.peek(), Tok::Punct(x) if *x == p)
    }
    fn is_punct_at(&self, n: usize, p: &str) -> bool {
        matches!(self.peek_at(n), Tok::Punct(x) if *x == p)
    }
    fn is_kw(&self, kw: &str) -> bool {
        matches!(self.peek(), Tok::Ident(x) if x == kw)
    }
    fn eat_punct(&mut self, p: &str) -> bool {
        if self.is_punct(p) {
            self.bump();
            true
        } else {
            false
        }
    }
    fn error_here(&self) -> ParseError {
        let t = &self.toks[self.pos];
        if matches!(t.tok, Tok::Eof) {
            return ParseError {
                offset: t.start,
                message: "unexpected end of script.".into(),
            };
        }
        ParseError {
            offset: t.start,
            message: format!(
                "invalid sequence of tokens near ['{}'].",
                &self.src[t.start..t.end]
            ),
        }
    }
    fn expect_punct(&mut self, p: &str) -> PResult<()> {
        if self.eat_punct(p) {
            Ok(())
        } else {
            Err(self.error_here())
        }
    }
    fn expect_ident(&mut self) -> PResult<String> {
        match self.peek().clone() {
            Tok::Ident(s) if !KEYWORDS.contains(&s.as_str()) => {
                self.bump();
                Ok(s)
            }
            _ => Err(self.error_here()),
        }
    }

    /// Is the token at `pos+n` the start of a type name? Returns the number of tokens it spans.
    fn type_len_at(&self, n: usize) -> Option<usize> {
        let Tok::Ident(name) = self.peek_at(n) else {
            return None;
        };
        let mut len = if primitive(name).is_some() || lookup_class(name).is_some() {
            1
        } else {
            return None;
        };
        if self.is_punct_at(n + 1, ".") {
            if let Tok::Ident(inner) = self.peek_at(n + 2) {
                if nested_class(name, inner).is_some() {
                    len = 3;
                }
            }
        }
        while self.is_punct_at(n + len, "[") && self.is_punct_at(n + len + 1, "]") {
            len += 2;
        }
        Some(len)
    }

    fn parse_type(&mut self) -> PResult<Ty> {
        let Tok::Ident(name) = self.peek().clone() else {
            return Err(self.error_here());
        };
        let mut ty = if let Some(t) = primitive(&name) {
            self.bump();
            t
        } else if let Some(nested) = match self.peek_at(2) {
            Tok::Ident(inner) if self.is_punct_at(1, ".") => nested_class(&name, inner),
            _ => None,
        } {
            self.bump();
            self.bump();
            self.bump();
            Ty::Class(nested)
        } else if let Some(c) = lookup_class(&name) {
            self.bump();
            Ty::Class(c)
        } else {
            return Err(self.error_here());
        };
        while self.is_punct("[") && self.is_punct_at(1, "]") {
            self.bump();
            self.bump();
            ty = Ty::Array(Box::new(ty));
        }
        Ok(ty)
    }

    // ----- scopes -----

    fn cur(&mut self) -> &mut FnScope {
        self.scopes.last_mut().expect("scope")
    }
    fn declare(&mut self, name: &str, ty: Ty, off: usize) -> PResult<usize> {
        if self.resolve_no_capture(name).is_some() {
            return Err(ParseError {
                offset: off,
                message: format!("variable [{name}] is already defined"),
            });
        }
        let f = self.cur();
        let slot = f.slot_types.len();
        f.slot_types.push(ty);
        f.scopes
            .last_mut()
            .expect("scope")
            .push((name.to_string(), slot));
        Ok(slot)
    }
    fn resolve_no_capture(&self, name: &str) -> Option<usize> {
        self.scopes.last().and_then(|f| f.find(name))
    }
    fn resolve(&mut self, name: &str) -> Option<usize> {
        let depth = self.scopes.len() - 1;
        self.resolve_in(depth, name)
    }
    fn resolve_in(&mut self, depth: usize, name: &str) -> Option<usize> {
        if let Some(s) = self.scopes[depth].find(name) {
            return Some(s);
        }
        if !self.scopes[depth].is_lambda || depth == 0 {
            return None;
        }
        let outer = self.resolve_in(depth - 1, name)?;
        let ty = self.scopes[depth - 1].slot_types[outer].clone();
        let f = &mut self.scopes[depth];
        let inner = f.slot_types.len();
        f.slot_types.push(ty);
        f.scopes[0].push((name.to_string(), inner));
        f.captures.push((outer, inner));
        Some(inner)
    }

    // ----- program -----

    fn program(&mut self) -> PResult<Program> {
        // Collect function signatures first so bodies can call functions declared later.
        let mut sigs = Vec::new();
        let save = self.pos;
        while let Some(tl) = self.type_len_at(0) {
            if !matches!(self.peek_at(tl), Tok::Ident(_)) || !self.is_punct_at(tl + 1, "(") {
                break;
            }
            let fn_start = self.off();
            self.pos += tl;
            let name = self.expect_ident()?;
            let mut depth = 0;
            let mut arity = 0;
            let mut any = false;
            loop {
                match self.bump().tok {
                    Tok::Punct("(") => depth += 1,
                    Tok::Punct(")") => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    Tok::Punct(",") if depth == 1 => arity += 1,
                    Tok::Eof => return Err(self.error_here()),
                    _ => any = true,
                }
            }
            if any {
                arity += 1;
            }
            if !self.is_punct("{") {
                return Err(self.error_here());
            }
            let mut depth = 0;
            loop {
                match self.bump().tok {
                    Tok::Punct("{") => depth += 1,
                    Tok::Punct("}") => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    Tok::Eof => return Err(self.error_here()),
                    _ => {}
                }
            }
            let idx = sigs.len();
            if self.fn_sigs.insert((name.clone(), arity), idx).is_some() {
                return Err(ParseError {
                    offset: fn_start,
                    message: format!("illegal duplicate functions [{name}/{arity}]."),
                });
            }
            sigs.push(name);
        }
        self.pos = save;
        let mut functions = Vec::new();
        for _ in 0..sigs.len() {
            functions.push(self.function()?);
        }
        // main
        self.scopes.push(FnScope::new(false));
        self.declare("params", Ty::Class("Map"), 0)?;
        self.declare("ctx", Ty::Class("Map"), 0)?;
        let main_off = self.off();
        let mut body = Vec::new();
        while !matches!(self.peek(), Tok::Eof) {
            body.push(self.statement(true)?);
        }
        if body.is_empty() {
            // Painless's SClass analysis: functions alone are not a script either
            return Err(ParseError {
                offset: self.toks[0].start,
                message: "Cannot generate an empty script.".into(),
            });
        }
        let f = self.scopes.pop().expect("scope");
        let mut starts = std::mem::take(&mut self.statement_starts);
        starts.sort_unstable();
        starts.dedup();
        Ok(Program {
            functions,
            lambdas: self.lambdas.drain(..).map(|l| l.expect("lambda")).collect(),
            main: Func {
                name: "execute".into(),
                ret: Ty::Def,
                nparams: 2,
                slot_types: f.slot_types,
                body,
                off: main_off,
            },
            statement_starts: starts,
        })
    }

    fn function(&mut self) -> PResult<Func> {
        let off = self.off();
        self.statement_starts.push(off);
        let ret = self.parse_type()?;
        let name = self.expect_ident()?;
        self.scopes.push(FnScope::new(false));
        self.expect_punct("(")?;
        let mut nparams = 0;
        if !self.is_punct(")") {
            loop {
                let ty = self.parse_type()?;
                let poff = self.off();
                let pname = self.expect_ident()?;
                self.declare(&pname, ty, poff)?;
                nparams += 1;
                if !self.eat_punct(",") {
                    break;
                }
            }
        }
        self.expect_punct(")")?;
        let body = self.block()?;
        let f = self.scopes.pop().expect("scope");
        Ok(Func {
            name,
            ret,
            nparams,
            slot_types: f.slot_types,
            body,
            off,
        })
    }

    fn block(&mut self) -> PResult<Vec<Stmt>> {
        self.expect_punct("{")?;
        self.cur().scopes.push(Vec::new());
        let mut out = Vec::new();
        while !self.is_punct("}") {
            if matches!(self.peek(), Tok::Eof) {
                return Err(self.error_here());
            }
            out.push(self.statement(false)?);
        }
        self.bump();
        self.cur().scopes.pop();
        Ok(out)
    }

    /// A statement used as a loop/if body: a block or a single statement (own scope).
    fn body(&mut self) -> PResult<Vec<Stmt>> {
        if self.is_punct("{") {
            return self.block();
        }
        if self.eat_punct(";") {
            return Ok(Vec::new());
        }
        self.cur().scopes.push(Vec::new());
        let s = self.statement(false)?;
        self.cur().scopes.pop();
        Ok(vec![s])
    }

    /// Ends a simple statement: `;`, or nothing before `}` / end of script.
    fn end_simple(&mut self) -> PResult<()> {
        if self.eat_punct(";") || self.is_punct("}") || matches!(self.peek(), Tok::Eof) {
            Ok(())
        } else {
            Err(self.error_here())
        }
    }

    fn statement(&mut self, top: bool) -> PResult<Stmt> {
        let _ = top;
        let off = self.off();
        self.nesting += 1;
        if self.nesting > MAX_NESTING {
            return Err(ParseError {
                offset: off,
                message: "script is too deeply nested".into(),
            });
        }
        self.statement_starts.push(off);
        let kind = self.statement_kind();
        self.nesting -= 1;
        Ok(Stmt { kind: kind?, off })
    }

    fn statement_kind(&mut self) -> PResult<StmtKind> {
        if let Tok::Ident(kw) = self.peek().clone() {
            match kw.as_str() {
                "if" => {
                    self.bump();
                    self.expect_punct("(")?;
                    let c = self.expr()?;
                    self.expect_punct(")")?;
                    let then = self.body()?;
                    let els = if self.is_kw("else") {
                        self.bump();
                        Some(self.body()?)
                    } else {
                        None
                    };
                    return Ok(StmtKind::If(c, then, els));
                }
                "while" => {
                    self.bump();
                    self.expect_punct("(")?;
                    let c = self.expr()?;
                    self.expect_punct(")")?;
                    self.loop_depth += 1;
                    let b = self.body()?;
                    self.loop_depth -= 1;
                    return Ok(StmtKind::While(c, b));
                }
                "do" => {
                    self.bump();
                    self.loop_depth += 1;
                    let b = self.block()?;
                    self.loop_depth -= 1;
                    if !self.is_kw("while") {
                        return Err(self.error_here());
                    }
                    self.bump();
                    self.expect_punct("(")?;
                    let c = self.expr()?;
                    self.expect_punct(")")?;
                    self.end_simple()?;
                    return Ok(StmtKind::DoWhile(b, c));
                }
                "for" => return self.for_stmt(),
                "break" | "continue" => {
                    let off = self.off();
                    self.bump();
                    if self.loop_depth == 0 {
                        return Err(ParseError {
                            offset: off,
                            message: format!("invalid {kw} statement: not inside a loop"),
                        });
                    }
                    self.end_simple()?;
                    return Ok(if kw == "break" {
                        StmtKind::Break
                    } else {
                        StmtKind::Continue
                    });
                }
                "return" => {
                    self.bump();
                    if self.eat_punct(";") || self.is_punct("}") || matches!(self.peek(), Tok::Eof)
                    {
                        return Ok(StmtKind::Return(None));
                    }
                    let e = self.expr()?;
                    self.end_simple()?;
                    return Ok(StmtKind::Return(Some(e)));
                }
                "throw" => {
                    self.bump();
                    let e = self.expr()?;
                    self.end_simple()?;
                    return Ok(StmtKind::Throw(e));
                }
                "try" => {
                    self.bump();
                    let body = self.block()?;
                    let mut catches = Vec::new();
                    while self.is_kw("catch") {
                        self.bump();
                        self.expect_punct("(")?;
                        let toff = self.off();
                        let ty = self.parse_type()?;
                        let class = match ty {
                            Ty::Class(c) if c.ends_with("Exception") => c,
                            _ => {
                                return Err(ParseError {
                                    offset: toff,
                                    message: "invalid catch type".into(),
                                })
                            }
                        };
                        let voff = self.off();
                        let name = self.expect_ident()?;
                        self.expect_punct(")")?;
                        self.cur().scopes.push(Vec::new());
                        let slot = self.declare(&name, Ty::Class(class), voff)?;
                        let body = self.block()?;
                        self.cur().scopes.pop();
                        catches.push(Catch { class, slot, body });
                    }
                    if catches.is_empty() {
                        return Err(self.error_here());
                    }
                    return Ok(StmtKind::Try { body, catches });
                }
                _ => {}
            }
        }
        if self.is_punct("{") {
            return Ok(StmtKind::Block(self.block()?));
        }
        if let Some(d) = self.try_decl()? {
            self.end_simple()?;
            return Ok(d);
        }
        let e = self.expr()?;
        self.end_simple()?;
        Ok(StmtKind::Expr(e))
    }

    /// `Type name [= expr] (, name [= expr])*` if a declaration starts here.
    fn try_decl(&mut self) -> PResult<Option<StmtKind>> {
        let Some(tl) = self.type_len_at(0) else {
            return Ok(None);
        };
        if !matches!(self.peek_at(tl), Tok::Ident(_)) {
            return Ok(None);
        }
        let ty = self.parse_type()?;
        let mut vars = Vec::new();
        loop {
            let voff = self.off();
            let name = self.expect_ident()?;
            let init = if self.eat_punct("=") {
                Some(self.expr()?)
            } else {
                None
            };
            let slot = self.declare(&name, ty.clone(), voff)?;
            vars.push((slot, init));
            if !self.eat_punct(",") {
                break;
            }
        }
        Ok(Some(StmtKind::Decl(vars)))
    }

    fn for_stmt(&mut self) -> PResult<StmtKind> {
        self.bump();
        self.expect_punct("(")?;
        self.cur().scopes.push(Vec::new());
        // for (x in coll) / for (T x : coll)
        let each = if matches!(self.peek(), Tok::Ident(_))
            && matches!(self.peek_at(1), Tok::Ident(k) if k == "in")
        {
            let voff = self.off();
            let name = self.expect_ident()?;
            self.bump();
            Some((Ty::Def, name, voff))
        } else if let Some(tl) = self.type_len_at(0) {
            if matches!(self.peek_at(tl), Tok::Ident(_)) && self.is_punct_at(tl + 1, ":") {
                let ty = self.parse_type()?;
                let voff = self.off();
                let name = self.expect_ident()?;
                self.bump();
                Some((ty, name, voff))
            } else {
                None
            }
        } else {
            None
        };
        if let Some((ty, name, voff)) = each {
            let iter = self.expr()?;
            self.expect_punct(")")?;
            let slot = self.declare(&name, ty, voff)?;
            self.loop_depth += 1;
            let body = self.body()?;
            self.loop_depth -= 1;
            self.cur().scopes.pop();
            return Ok(StmtKind::ForEach { slot, iter, body });
        }
        let init = if self.is_punct(";") {
            None
        } else {
            let off = self.off();
            let kind = match self.try_decl()? {
                Some(d) => d,
                None => StmtKind::Expr(self.expr()?),
            };
            Some(Box::new(Stmt { kind, off }))
        };
        self.expect_punct(";")?;
        let cond = if self.is_punct(";") {
            None
        } else {
            Some(self.expr()?)
        };
        self.expect_punct(";")?;
        let mut update = Vec::new();
        if !self.is_punct(")") {
            loop {
                update.push(self.expr()?);
                if !self.eat_punct(",") {
                    break;
                }
            }
        }
        self.expect_punct(")")?;
        self.loop_depth += 1;
        let body = self.body()?;
        self.loop_depth -= 1;
        self.cur().scopes.pop();
        Ok(StmtKind::For {
            init,
            cond,
            update,
            body,
        })
    }

    // ----- expressions -----

    pub fn expr(&mut self) -> PResult<Expr> {
        self.nesting += 1;
        if self.nesting > MAX_NESTING {
            return Err(ParseError {
                offset: self.off(),
                message: "script is too deeply nested".into(),
            });
        }
        let r = self.expr_inner();
        self.nesting -= 1;
        r
    }

    /// The primitive numeric type of an expression, where the parser knows it: a literal, a
    /// typed local, a cast, a negation of one of those.
    fn static_numeric(&mut self, e: &Expr) -> Option<Ty> {
        let numeric = |t: &Ty| {
            matches!(
                t,
                Ty::Byte | Ty::Short | Ty::Char | Ty::Int | Ty::Long | Ty::Float | Ty::Double
            )
        };
        match &e.kind {
            ExprKind::Const(Const::Int(_)) => Some(Ty::Int),
            ExprKind::Const(Const::Long(_)) => Some(Ty::Long),
            ExprKind::Const(Const::Float(_)) => Some(Ty::Float),
            ExprKind::Const(Const::Double(_)) => Some(Ty::Double),
            ExprKind::Local(slot) => self
                .cur()
                .slot_types
                .get(*slot)
                .filter(|t| numeric(t))
                .cloned(),
            ExprKind::Cast(t, _) if numeric(t) => Some(t.clone()),
            ExprKind::Unary(UnOp::Neg, x) => match self.static_numeric(x)? {
                Ty::Byte | Ty::Short | Ty::Char => Some(Ty::Int),
                t => Some(t),
            },
            _ => None,
        }
    }

    /// `c ? a : b` with two primitive numeric branches of different types has the promoted type
    /// (`AnalyzerCaster.promoteConditional`: double, else float, else long, else int), so the
    /// branch taken is widened to it.
    fn promote_branches(&mut self, a: Expr, b: Expr) -> (Expr, Expr) {
        let (Some(ta), Some(tb)) = (self.static_numeric(&a), self.static_numeric(&b)) else {
            return (a, b);
        };
        if ta == tb {
            return (a, b);
        }
        let either = |t: Ty| ta == t || tb == t;
        let to = if either(Ty::Double) {
            Ty::Double
        } else if either(Ty::Float) {
            Ty::Float
        } else if either(Ty::Long) {
            Ty::Long
        } else {
            Ty::Int
        };
        let widen = |e: Expr, t: &Ty| {
            if *t == to {
                e
            } else {
                let off = e.off;
                Expr {
                    kind: ExprKind::Cast(to.clone(), Box::new(e)),
                    off,
                }
            }
        };
        (widen(a, &ta), widen(b, &tb))
    }

    fn expr_inner(&mut self) -> PResult<Expr> {
        let off = self.off();
        let lhs = self.binary(0)?;
        if self.is_punct("?") {
            self.bump();
            let a = self.expr()?;
            self.expect_punct(":")?;
            let b = self.expr()?;
            let (a, b) = self.promote_branches(a, b);
            return Ok(Expr {
                kind: ExprKind::Cond(Box::new(lhs), Box::new(a), Box::new(b)),
                off,
            });
        }
        let op = match self.peek() {
            Tok::Punct(p) => match *p {
                "=" => Some(None),
                "+=" => Some(Some(BinOp::Add)),
                "-=" => Some(Some(BinOp::Sub)),
                "*=" => Some(Some(BinOp::Mul)),
                "/=" => Some(Some(BinOp::Div)),
                "%=" => Some(Some(BinOp::Rem)),
                "&=" => Some(Some(BinOp::BitAnd)),
                "^=" => Some(Some(BinOp::BitXor)),
                "|=" => Some(Some(BinOp::BitOr)),
                "<<=" => Some(Some(BinOp::Shl)),
                ">>=" => Some(Some(BinOp::Shr)),
                ">>>=" => Some(Some(BinOp::Ushr)),
                _ => None,
            },
            _ => None,
        };
        if let Some(op) = op {
            if !matches!(
                lhs.kind,
                ExprKind::Local(_) | ExprKind::Field { .. } | ExprKind::Index { .. }
            ) {
                return Err(ParseError {
                    offset: off,
                    message: "invalid assignment: cannot assign a value to this expression".into(),
                });
            }
            self.bump();
            let value = self.expr()?;
            return Ok(Expr {
                kind: ExprKind::Assign {
                    target: Box::new(lhs),
                    op,
                    value: Box::new(value),
                },
                off,
            });
        }
        Ok(lhs)
    }

    /// Precedence climbing over Painless's binary operator levels.
    fn binary(&mut self, level: usize) -> PResult<Expr> {
        // levels, loosest first
        const LEVELS: &[&[&str]] = &[
            &["?:"],
            &["||"],
            &["&&"],
            &["|"],
            &["^"],
            &["&"],
            &["==", "!=", "===", "!=="],
            &["instanceof"],
            &["<", "<=", ">", ">="],
            &["<<", ">>", ">>>"],
            &["=~", "==~"],
            &["+", "-"],
            &["*", "/", "%"],
        ];
        if level >= LEVELS.len() {
            return self.unary();
        }
        let off = self.off();
        let mut lhs = self.binary(level + 1)?;
        loop {
            let ops = LEVELS[level];
            if ops[0] == "instanceof" {
                if self.is_kw("instanceof") {
                    self.bump();
                    let ty = self.parse_type()?;
                    lhs = Expr {
                        kind: ExprKind::InstanceOf(Box::new(lhs), TypeTest::new(ty)),
                        off,
                    };
                    continue;
                }
                return Ok(lhs);
            }
            let op = match self.peek() {
                Tok::Punct(p) if ops.contains(p) => *p,
                _ => return Ok(lhs),
            };
            self.bump();
            if op == "?:" {
                // right associative
                self.nesting += 1;
                if self.nesting > MAX_NESTING {
                    return Err(ParseError {
                        offset: self.off(),
                        message: "script is too deeply nested".into(),
                    });
                }
                let rhs = self.binary(level);
                self.nesting -= 1;
                let rhs = rhs?;
                return Ok(Expr {
                    kind: ExprKind::Elvis(Box::new(lhs), Box::new(rhs)),
                    off,
                });
            }
            let rhs = self.binary(level + 1)?;
            let (l, r) = (Box::new(lhs), Box::new(rhs));
            let kind = match op {
                "||" => ExprKind::Or(l, r),
                "&&" => ExprKind::And(l, r),
                "==" => ExprKind::Cmp(CmpOp::Eq, l, r),
                "!=" => ExprKind::Cmp(CmpOp::Ne, l, r),
                "===" => ExprKind::Cmp(CmpOp::RefEq, l, r),
                "!==" => ExprKind::Cmp(CmpOp::RefNe, l, r),
                "<" => ExprKind::Cmp(CmpOp::Lt, l, r),
                "<=" => ExprKind::Cmp(CmpOp::Le, l, r),
                ">" => ExprKind::Cmp(CmpOp::Gt, l, r),
                ">=" => ExprKind::Cmp(CmpOp::Ge, l, r),
                _ => {
                    let b = match op {
                        "|" => BinOp::BitOr,
                        "^" => BinOp::BitXor,
                        "&" => BinOp::BitAnd,
                        "<<" => BinOp::Shl,
                        ">>" => BinOp::Shr,
                        ">>>" => BinOp::Ushr,
                        "=~" => BinOp::Find,
                        "==~" => BinOp::Match,
                        "+" => BinOp::Add,
                        "-" => BinOp::Sub,
                        "*" => BinOp::Mul,
                        "/" => BinOp::Div,
                        _ => BinOp::Rem,
                    };
                    ExprKind::Binary(b, l, r)
                }
            };
            lhs = Expr { kind, off };
        }
    }

    fn unary(&mut self) -> PResult<Expr> {
        self.nesting += 1;
        if self.nesting > MAX_NESTING {
            return Err(ParseError {
                offset: self.off(),
                message: "script is too deeply nested".into(),
            });
        }
        let r = self.unary_inner();
        self.nesting -= 1;
        r
    }

    fn unary_inner(&mut self) -> PResult<Expr> {
        let off = self.off();
        if let Tok::Punct(p) = self.peek().clone() {
            match p {
                "++" | "--" => {
                    self.bump();
                    let target = self.unary()?;
                    self.check_assignable(&target, off)?;
                    return Ok(Expr {
                        kind: ExprKind::IncDec {
                            target: Box::new(target),
                            pre: true,
                            delta: if p == "++" { 1 } else { -1 },
                        },
                        off,
                    });
                }
                "-" => {
                    self.bump();
                    // fold negative literals so that -2147483648 is legal
                    match self.peek().clone() {
                        Tok::Int(d, r) if !self.is_postfix_after_literal() => {
                            self.bump();
                            return Ok(Expr {
                                kind: ExprKind::Const(int_const(&d, r, true, off)?),
                                off,
                            });
                        }
                        Tok::IntL(d, r) if !self.is_postfix_after_literal() => {
                            self.bump();
                            return Ok(Expr {
                                kind: ExprKind::Const(long_const(&d, r, true, off)?),
                                off,
                            });
                        }
                        _ => {}
                    }
                    let e = self.unary()?;
                    return Ok(Expr {
                        kind: ExprKind::Unary(UnOp::Neg, Box::new(e)),
                        off,
                    });
                }
                "+" | "!" | "~" => {
                    self.bump();
                    let e = self.unary()?;
                    let op = match p {
                        "+" => UnOp::Plus,
                        "!" => UnOp::Not,
                        _ => UnOp::BitNot,
                    };
                    return Ok(Expr {
                        kind: ExprKind::Unary(op, Box::new(e)),
                        off,
                    });
                }
                "(" => {
                    // cast?
                    if let Some(tl) = self.type_len_at(1) {
                        if self.is_punct_at(1 + tl, ")") && !self.is_punct_at(2 + tl, "->") {
                            self.bump();
                            let ty = self.parse_type()?;
                            self.expect_punct(")")?;
                            let e = self.unary()?;
                            return Ok(Expr {
                                kind: ExprKind::Cast(ty, Box::new(e)),
                                off,
                            });
                        }
                    }
                }
                _ => {}
            }
        }
        let e = self.postfix()?;
        if self.is_punct("++") || self.is_punct("--") {
            let delta = if self.is_punct("++") { 1 } else { -1 };
            self.bump();
            self.check_assignable(&e, off)?;
            return Ok(Expr {
                kind: ExprKind::IncDec {
                    target: Box::new(e),
                    pre: false,
                    delta,
                },
                off,
            });
        }
        Ok(e)
    }

    fn is_postfix_after_literal(&self) -> bool {
        self.is_punct_at(1, ".") || self.is_punct_at(1, "?.")
    }

    fn check_assignable(&self, e: &Expr, off: usize) -> PResult<()> {
        if matches!(
            e.kind,
            ExprKind::Local(_) | ExprKind::Field { .. } | ExprKind::Index { .. }
        ) {
            Ok(())
        } else {
            Err(ParseError {
                offset: off,
                message: "invalid assignment: cannot assign a value to this expression".into(),
            })
        }
    }

    fn args(&mut self) -> PResult<Vec<Expr>> {
        self.expect_punct("(")?;
        let mut out = Vec::new();
        if !self.is_punct(")") {
            loop {
                out.push(self.argument()?);
                if !self.eat_punct(",") {
                    break;
                }
            }
        }
        self.expect_punct(")")?;
        Ok(out)
    }

    fn argument(&mut self) -> PResult<Expr> {
        if self.lambda_ahead() {
            return self.lambda();
        }
        self.expr()
    }

    fn lambda_ahead(&self) -> bool {
        if matches!(self.peek(), Tok::Ident(_)) && self.is_punct_at(1, "->") {
            return true;
        }
        if self.is_punct("(") {
            let mut depth = 0;
            let mut i = 0;
            loop {
                match self.peek_at(i) {
                    Tok::Punct("(") => depth += 1,
                    Tok::Punct(")") => {
                        depth -= 1;
                        if depth == 0 {
                            return self.is_punct_at(i + 1, "->");
                        }
                    }
                    Tok::Ident(_) | Tok::Punct(",") | Tok::Punct("[") | Tok::Punct("]") => {}
                    Tok::Punct(".") => {}
                    _ => return false,
                }
                i += 1;
            }
        }
        false
    }

    fn lambda(&mut self) -> PResult<Expr> {
        let off = self.off();
        self.scopes.push(FnScope::new(true));
        let mut nparams = 0;
        if self.eat_punct("(") {
            if !self.is_punct(")") {
                loop {
                    let ty = if self.type_len_at(0).is_some()
                        && matches!(
                            self.peek_at(self.type_len_at(0).unwrap_or(0)),
                            Tok::Ident(_)
                        ) {
                        self.parse_type()?
                    } else {
                        Ty::Def
                    };
                    let poff = self.off();
                    let name = self.expect_ident()?;
                    self.declare(&name, ty, poff)?;
                    nparams += 1;
                    if !self.eat_punct(",") {
                        break;
                    }
                }
            }
            self.expect_punct(")")?;
        } else {
            let poff = self.off();
            let name = self.expect_ident()?;
            self.declare(&name, Ty::Def, poff)?;
            nparams = 1;
        }
        self.expect_punct("->")?;
        let saved_loop = std::mem::replace(&mut self.loop_depth, 0);
        let body = if self.is_punct("{") {
            LambdaBody::Block(self.block()?)
        } else {
            LambdaBody::Expr(self.expr()?)
        };
        self.loop_depth = saved_loop;
        let f = self.scopes.pop().expect("scope");
        let outer: Vec<usize> = f.captures.iter().map(|c| c.0).collect();
        let inner: Vec<usize> = f.captures.iter().map(|c| c.1).collect();
        let idx = self.lambdas.len();
        self.lambdas
            .push(Some(Lambda::new(inner, nparams, f.slot_types, body)));
        Ok(Expr {
            kind: ExprKind::Lambda(idx, outer),
            off,
        })
    }

    fn postfix(&mut self) -> PResult<Expr> {
        let e = self.primary()?;
        self.postfix_on(e)
    }

    /// The postfix chain (`.name`, `?.name`, calls, `[index]`) after an already-built primary.
    fn postfix_on(&mut self, mut e: Expr) -> PResult<Expr> {
        loop {
            let off = self.off();
            if self.is_punct(".") || self.is_punct("?.") {
                let nullsafe = self.is_punct("?.");
                self.bump();
                let name: Arc<str> = match self.peek().clone() {
                    Tok::Ident(s) => {
                        self.bump();
                        s.into()
                    }
                    Tok::Int(d, 10) => {
                        self.bump();
                        d.into()
                    }
                    _ => return Err(self.error_here()),
                };
                if self.is_punct("(") {
                    let args = self.args()?;
                    // constant list membership: build nothing per evaluation
                    if &*name == "contains" && args.len() == 1 && !nullsafe {
                        if let ExprKind::ListInit(items) = &e.kind {
                            if items.iter().all(|i| matches!(i.kind, ExprKind::Const(_))) {
                                let consts = items
                                    .iter()
                                    .map(|i| match &i.kind {
                                        ExprKind::Const(c) => c.clone(),
                                        _ => Const::Null,
                                    })
                                    .collect();
                                let arg = args.into_iter().next().expect("one arg");
                                e = Expr {
                                    kind: ExprKind::ConstContains(consts, Box::new(arg)),
                                    off,
                                };
                                continue;
                            }
                        }
                    }
                    e = Expr {
                        kind: ExprKind::Call {
                            recv: Box::new(e),
                            name,
                            args,
                            nullsafe,
                        },
                        off,
                    };
                } else {
                    e = Expr {
                        kind: ExprKind::Field {
                            recv: Box::new(e),
                            name,
                            nullsafe,
                        },
                        off,
                    };
                }
            } else if self.is_punct("[") {
                self.bump();
                let index = self.expr()?;
                self.expect_punct("]")?;
                e = Expr {
                    kind: ExprKind::Index {
                        recv: Box::new(e),
                        index: Box::new(index),
                    },
                    off,
                };
            } else {
                return Ok(e);
            }
        }
    }

    fn primary(&mut self) -> PResult<Expr> {
        let off = self.off();
        let tok = self.peek().clone();
        let kind = match tok {
            Tok::Int(d, r) => {
                self.bump();
                ExprKind::Const(int_const(&d, r, false, off)?)
            }
            Tok::IntL(d, r) => {
                self.bump();
                ExprKind::Const(long_const(&d, r, false, off)?)
            }
            Tok::Float(t) => {
                self.bump();
                let v: f32 = t.parse().map_err(|_| ParseError {
                    offset: off,
                    message: format!("Invalid float constant [{t}]."),
                })?;
                ExprKind::Const(Const::Float(v))
            }
            Tok::Double(t) => {
                self.bump();
                let v: f64 = t.parse().map_err(|_| ParseError {
                    offset: off,
                    message: format!("Invalid double constant [{t}]."),
                })?;
                ExprKind::Const(Const::Double(v))
            }
            Tok::Str(s) => {
                self.bump();
                ExprKind::Const(Const::Str(s.into()))
            }
            Tok::True => {
                self.bump();
                ExprKind::Const(Const::Bool(true))
            }
            Tok::False => {
                self.bump();
                ExprKind::Const(Const::Bool(false))
            }
            Tok::Null => {
                self.bump();
                ExprKind::Const(Const::Null)
            }
            Tok::Regex(pat, flags) => {
                self.bump();
                let re = super::api::regex::CompiledRegex::new(&pat, &flags).map_err(|m| {
                    ParseError {
                        offset: off,
                        message: m,
                    }
                })?;
                ExprKind::Regex(Arc::new(re))
            }
            Tok::Punct("(") => {
                if self.lambda_ahead() {
                    return self.lambda();
                }
                self.bump();
                let e = self.expr()?;
                self.expect_punct(")")?;
                return Ok(e);
            }
            Tok::Punct("[") => {
                self.bump();
                if self.eat_punct(":") {
                    self.expect_punct("]")?;
                    ExprKind::MapInit(Vec::new())
                } else if self.eat_punct("]") {
                    ExprKind::ListInit(Vec::new())
                } else {
                    let first = self.expr()?;
                    if self.eat_punct(":") {
                        let v = self.expr()?;
                        let mut pairs = vec![(first, v)];
                        while self.eat_punct(",") {
                            let k = self.expr()?;
                            self.expect_punct(":")?;
                            let v = self.expr()?;
                            pairs.push((k, v));
                        }
                        self.expect_punct("]")?;
                        ExprKind::MapInit(pairs)
                    } else {
                        let mut items = vec![first];
                        while self.eat_punct(",") {
                            items.push(self.expr()?);
                        }
                        self.expect_punct("]")?;
                        ExprKind::ListInit(items)
                    }
                }
            }
            Tok::Ident(name) => return self.ident_primary(name, off),
            _ => return Err(self.error_here()),
        };
        Ok(Expr { kind, off })
    }

    fn ident_primary(&mut self, name: String, off: usize) -> PResult<Expr> {
        match name.as_str() {
            "new" => return self.new_expr(off),
            "this" => {
                self.bump();
                self.expect_punct("::")?;
                let fname = self.expect_ident()?;
                let idx = self
                    .fn_sigs
                    .iter()
                    .find(|((n, _), _)| *n == fname)
                    .map(|(_, i)| *i)
                    .ok_or_else(|| ParseError {
                        offset: off,
                        message: format!("Unknown function [{fname}]."),
                    })?;
                return Ok(Expr {
                    kind: ExprKind::FnRef(FnRefKind::User(idx)),
                    off,
                });
            }
            _ => {}
        }
        if let Some(tl) = self.type_len_at(0) {
            let ty = self.parse_type()?;
            if self.eat_punct("::") {
                let class = match ty {
                    Ty::Class(c) => c,
                    _ => {
                        return Err(ParseError {
                            offset: off,
                            message: "invalid function reference".into(),
                        })
                    }
                };
                if self.is_kw("new") {
                    self.bump();
                    return Ok(Expr {
                        kind: ExprKind::FnRef(FnRefKind::Ctor(class)),
                        off,
                    });
                }
                let m = self.expect_ident()?;
                return Ok(Expr {
                    kind: ExprKind::FnRef(FnRefKind::Static(class, m.into())),
                    off,
                });
            }
            let _ = tl;
            let class = match ty {
                Ty::Class(c) => c,
                _ => return Err(self.error_here()),
            };
            let moff = self.off();
            if !self.eat_punct(".") {
                return Err(self.error_here());
            }
            let m = self.expect_ident()?;
            if self.is_punct("(") {
                let args = self.args()?;
                return Ok(Expr {
                    kind: ExprKind::StaticCall {
                        class,
                        name: m.into(),
                        args,
                    },
                    off: moff,
                });
            }
            return Ok(Expr {
                kind: ExprKind::StaticField {
                    class,
                    name: m.into(),
                },
                off: moff,
            });
        }
        if KEYWORDS.contains(&name.as_str()) {
            return Err(self.error_here());
        }
        self.bump();
        if self.is_punct("(") {
            let args = self.args()?;
            if let Some(idx) = self.fn_sigs.get(&(name.clone(), args.len())) {
                return Ok(Expr {
                    kind: ExprKind::UserCall(*idx, args),
                    off,
                });
            }
            let builtin = match (name.as_str(), args.len()) {
                ("field", 1) => Some("field"),
                ("$", 2) => Some("$"),
                ("metadata", 0) => Some("metadata"),
                _ => None,
            };
            if let Some(b) = builtin {
                return Ok(Expr {
                    kind: ExprKind::BuiltinCall(b, args),
                    off,
                });
            }
            return Err(ParseError {
                offset: off,
                message: format!("Unknown call [{name}] with [{}] arguments.", args.len()),
            });
        }
        if self.is_punct("::") {
            let slot = self.resolve(&name).ok_or_else(|| ParseError {
                offset: off,
                message: format!("cannot resolve symbol [{name}]"),
            })?;
            self.bump();
            let m = self.expect_ident()?;
            return Ok(Expr {
                kind: ExprKind::FnRef(FnRefKind::Bound(
                    Box::new(Expr {
                        kind: ExprKind::Local(slot),
                        off,
                    }),
                    m.into(),
                )),
                off,
            });
        }
        let slot = self.resolve(&name).ok_or_else(|| ParseError {
            offset: off,
            message: format!("cannot resolve symbol [{name}]"),
        })?;
        Ok(Expr {
            kind: ExprKind::Local(slot),
            off,
        })
    }

    fn new_expr(&mut self, off: usize) -> PResult<Expr> {
        self.bump();
        let toff = self.off();
        let Tok::Ident(tname) = self.peek().clone() else {
            return Err(self.error_here());
        };
        let base = if let Some(p) = primitive(&tname) {
            self.bump();
            p
        } else if let Some(c) = lookup_class(&tname) {
            self.bump();
            Ty::Class(c)
        } else {
            return Err(ParseError {
                offset: toff,
                // ENewObj / ENewArray
                message: format!("Not a type [{tname}]."),
            });
        };
        if self.is_punct("[") {
            // new T[n][m] or new T[] {a, b}
            if self.is_punct_at(1, "]") {
                let mut ty = base;
                while self.is_punct("[") && self.is_punct_at(1, "]") {
                    self.bump();
                    self.bump();
                    ty = Ty::Array(Box::new(ty));
                }
                let Ty::Array(elem) = ty else {
                    return Err(self.error_here());
                };
                self.expect_punct("{")?;
                let mut items = Vec::new();
                if !self.is_punct("}") {
                    loop {
                        items.push(self.expr()?);
                        if !self.eat_punct(",") {
                            break;
                        }
                    }
                }
                self.expect_punct("}")?;
                return Ok(Expr {
                    kind: ExprKind::ArrayInit(*elem, items),
                    off,
                });
            }
            let mut dims = Vec::new();
            let mut ty = base;
            while self.is_punct("[") {
                self.bump();
                dims.push(self.expr()?);
                self.expect_punct("]")?;
                ty = Ty::Array(Box::new(ty));
            }
            let Ty::Array(elem) = ty else {
                return Err(self.error_here());
            };
            // elem is the type after removing one dimension; NewArray stores the element type of
            // the outermost array.
            let e = Expr {
                kind: ExprKind::NewArray(*elem, dims),
                off,
            };
            return self.postfix_on(e);
        }
        let class = match base {
            Ty::Class(c) => c,
            _ => return Err(self.error_here()),
        };
        let args = self.args()?;
        let e = Expr {
            kind: ExprKind::New(class, args),
            off,
        };
        self.postfix_on(e)
    }
}

fn int_const(digits: &str, radix: u32, neg: bool, off: usize) -> PResult<Const> {
    let text = if neg {
        format!("-{digits}")
    } else {
        digits.to_string()
    };
    if radix != 10 {
        // hex and octal literals may use all 32 bits (0xFFFFFFFF == -1)
        if let Ok(u) = u32::from_str_radix(digits, radix) {
            let v = u as i32;
            return Ok(Const::Int(if neg { v.wrapping_neg() } else { v }));
        }
    } else if let Ok(v) = text.parse::<i32>() {
        return Ok(Const::Int(v));
    }
    Err(ParseError {
        offset: off,
        message: format!("Invalid int constant [{text}]."),
    })
}

fn long_const(digits: &str, radix: u32, neg: bool, off: usize) -> PResult<Const> {
    let text = if neg {
        format!("-{digits}")
    } else {
        digits.to_string()
    };
    if radix != 10 {
        if let Ok(u) = u64::from_str_radix(digits, radix) {
            let v = u as i64;
            return Ok(Const::Long(if neg { v.wrapping_neg() } else { v }));
        }
    } else if let Ok(v) = text.parse::<i64>() {
        return Ok(Const::Long(v));
    }
    Err(ParseError {
        offset: off,
        message: format!("Invalid long constant [{text}]."),
    })
}
