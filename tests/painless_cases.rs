//! Table-driven Painless cases by language area: script -> (type, value), or the error ES
//! reports (cause type and script position).

mod painless_support;

use ingest_emu::painless::run_for_cli;
use serde_json::{json, Value as J};

const CTX: &str = r#"{"a": {"b": "x", "n": 1}, "list": [1, 2, 3], "s": "hello", "num": 5, "f": 1.5,
  "nested": {"arr": [{"k": "v1"}, {"k": "v2"}]}, "tags": ["t1", "preserve_original_event"],
  "dotted.key": "dk", "empty": "", "nul": null}"#;

fn run(script: &str) -> J {
    let ctx: J = serde_json::from_str(CTX).expect("ctx");
    run_for_cli(
        script,
        Some(&json!({"p": 10, "name": "bob", "list": ["a", "b"]})),
        Some(&ctx),
    )
}

/// (script, type, value as JSON text)
fn check(cases: &[(&str, &str, &str)]) {
    painless_support::check_values(run, cases);
}

/// (script, caused_by type, position offset)
fn check_err(cases: &[(&str, &str, i64)]) {
    painless_support::assert_cases(cases, |(script, ty, offset)| {
        let got = run(script);
        let err = &got["error"];
        let ok = err["type"] == json!("script_exception")
            && err["caused_by"]["type"] == json!(ty)
            && err["position"]["offset"] == json!(offset);
        (!ok).then(|| format!("{script}\n   want: {ty} at {offset}\n   got:  {got}"))
    });
}

/// (script, caused_by type, reason)
fn check_msg(cases: &[(&str, &str, &str)]) {
    painless_support::check_errors(run, cases);
}

#[test]
fn literals_and_types() {
    check(&[
        ("1", "int", "1"),
        ("-1", "int", "-1"),
        ("2147483647", "int", "2147483647"),
        ("-2147483648", "int", "-2147483648"),
        ("1L", "long", "1"),
        ("9223372036854775807L", "long", "9223372036854775807"),
        ("0x10", "int", "16"),
        ("0xFFFFFFFF", "int", "-1"),
        ("010", "int", "8"),
        ("1.5", "double", "1.5"),
        ("1.5f", "float", "1.5"),
        ("1.5F", "float", "1.5"),
        ("2d", "double", "2.0"),
        ("1e3", "double", "1000.0"),
        ("true", "boolean", "true"),
        ("false", "boolean", "false"),
        ("null", "null", "null"),
        ("'single'", "String", "\"single\""),
        ("\"double\"", "String", "\"double\""),
        ("'it\\'s'", "String", "\"it's\""),
        ("\"a\\\"b\"", "String", "\"a\\\"b\""),
        ("'back\\\\slash'", "String", "\"back\\\\slash\""),
        ("'x' // comment", "String", "\"x\""),
        ("/* block */ 'x'", "String", "\"x\""),
        ("(char) 'a'", "char", "\"a\""),
        ("(int) (char) 'a'", "int", "97"),
        ("char c = 'b'; c", "char", "\"b\""),
        ("byte b = 1; b", "byte", "1"),
        ("short s = 2; s", "short", "2"),
        ("long l = 3; l", "long", "3"),
        ("float f = 4; f", "float", "4.0"),
        ("double d = 5; d", "double", "5.0"),
        ("int i; i", "int", "0"),
        ("boolean b; b", "boolean", "false"),
        ("def x; x", "null", "null"),
        ("String s; s", "null", "null"),
        ("Integer i = 5; i", "int", "5"),
        ("Object o = 'x'; o", "String", "\"x\""),
        ("def x = 5; x", "int", "5"),
        ("def x = 5L; x", "long", "5"),
        ("def x = 'str'; x", "String", "\"str\""),
        ("[]", "ArrayList", "[]"),
        ("[1, 'a', null]", "ArrayList", "[1, \"a\", null]"),
        ("[:]", "HashMap", "{}"),
        ("['k': 1]", "HashMap", "{\"k\": 1}"),
        ("[[1], [2, [3]]]", "ArrayList", "[[1], [2, [3]]]"),
        ("['a': ['b': 1]]", "HashMap", "{\"a\": {\"b\": 1}}"),
        ("int[] a = new int[3]; a", "int[]", "[0, 0, 0]"),
        ("String[] a = new String[2]; a", "String[]", "[null, null]"),
        ("int[] a = new int[] {1, 2}; a", "int[]", "[1, 2]"),
        (
            "int[][] a = new int[2][3]; a[1][2] = 5; a",
            "int[][]",
            "[[0, 0, 0], [0, 0, 5]]",
        ),
        (
            "def a = new double[2]; a[0] = 1; a",
            "double[]",
            "[1.0, 0.0]",
        ),
        ("new ArrayList()", "ArrayList", "[]"),
        ("new HashMap()", "HashMap", "{}"),
        ("new LinkedHashMap()", "LinkedHashMap", "{}"),
        ("new TreeMap()", "TreeMap", "{}"),
        ("new HashSet()", "HashSet", "[]"),
        ("new TreeSet()", "TreeSet", "[]"),
        ("new LinkedHashSet()", "LinkedHashSet", "[]"),
        (
            "new StringBuilder('ab').append('c').toString()",
            "String",
            "\"abc\"",
        ),
        ("return;", "null", "null"),
        ("return 5", "int", "5"),
        ("int x = 1; x", "int", "1"),
        ("int x = 1, y = 2; x + y", "int", "3"),
    ]);
}

#[test]
fn arithmetic_and_promotion() {
    check(&[
        ("1 + 2", "int", "3"),
        ("1 + 2L", "long", "3"),
        ("1 + 2.0", "double", "3.0"),
        ("1 + 2f", "float", "3.0"),
        ("1L + 2f", "float", "3.0"),
        ("1f + 2d", "double", "3.0"),
        ("7 / 2", "int", "3"),
        ("-7 / 2", "int", "-3"),
        ("7 % 3", "int", "1"),
        ("-7 % 3", "int", "-1"),
        ("7.5 % 2", "double", "1.5"),
        ("7 / 2.0", "double", "3.5"),
        ("1 / 3.0", "double", "0.3333333333333333"),
        ("1 / 3f", "float", "0.33333334"),
        ("0.1 + 0.2", "double", "0.30000000000000004"),
        ("2147483647 + 1", "int", "-2147483648"),
        ("2147483647L + 1", "long", "2147483648"),
        ("-2147483648 - 1", "int", "2147483647"),
        ("9223372036854775807L + 1", "long", "-9223372036854775808"),
        ("65536 * 65536", "int", "0"),
        ("65536L * 65536", "long", "4294967296"),
        ("10.0 / 0", "double", "null"),
        ("5 - -3", "int", "8"),
        ("-(-5)", "int", "5"),
        ("+5", "int", "5"),
        ("2 + 3 * 4", "int", "14"),
        ("(2 + 3) * 4", "int", "20"),
        ("10 - 4 - 3", "int", "3"),
        ("100 / 10 / 5", "int", "2"),
        ("2 * 3 % 4", "int", "2"),
        ("byte b = 10; short s = 20; b + s", "int", "30"),
        ("char c = 'a'; c + 1", "int", "98"),
        ("Integer.MAX_VALUE", "int", "2147483647"),
        ("Long.MIN_VALUE", "long", "-9223372036854775808"),
        ("Double.MAX_VALUE", "double", "1.7976931348623157E308"),
        ("def a = 5; def b = 2; a / b", "int", "2"),
        ("def a = 5; def b = 2.0; a / b", "double", "2.5"),
        ("def a = 5L; def b = 2; a * b", "long", "10"),
        ("ctx.num * 2", "int", "10"),
        ("ctx.f * 2", "double", "3.0"),
        ("params.p + 1", "int", "11"),
        ("1e300 * 1e10", "double", "null"),
        ("(double) 1 / 2", "double", "0.5"),
        ("(float) 1 / 2", "float", "0.5"),
    ]);
}

#[test]
fn bitwise_and_shifts() {
    check(&[
        ("5 & 3", "int", "1"),
        ("5 | 3", "int", "7"),
        ("5 ^ 3", "int", "6"),
        ("~5", "int", "-6"),
        ("~5L", "long", "-6"),
        ("1 << 10", "int", "1024"),
        ("1 << 32", "int", "1"),
        ("1 << 33", "int", "2"),
        ("1L << 33", "long", "8589934592"),
        ("-16 >> 2", "int", "-4"),
        ("-16 >>> 28", "int", "15"),
        ("-1L >>> 1", "long", "9223372036854775807"),
        ("1 << 2L", "int", "4"),
        ("5L & 3", "long", "1"),
        ("true & false", "boolean", "false"),
        ("true | false", "boolean", "true"),
        ("true ^ true", "boolean", "false"),
        ("int x = 6; x &= 3; x", "int", "2"),
        ("int x = 6; x |= 1; x", "int", "7"),
        ("int x = 6; x ^= 2; x", "int", "4"),
        ("int x = 1; x <<= 4; x", "int", "16"),
        ("int x = -16; x >>= 2; x", "int", "-4"),
        ("int x = -16; x >>>= 28; x", "int", "15"),
        ("0xFF & 0x0F", "int", "15"),
    ]);
}

#[test]
fn casts() {
    check(&[
        ("(int) 3.99", "int", "3"),
        ("(int) -3.99", "int", "-3"),
        ("(long) 3.5", "long", "3"),
        ("(byte) 200", "byte", "-56"),
        ("(short) 70000", "short", "4464"),
        ("(char) 65", "char", "\"A\""),
        ("(int) 3000000000L", "int", "-1294967296"),
        ("(int) 1e20", "int", "2147483647"),
        ("(long) -1e20", "long", "-9223372036854775808"),
        ("(float) 1.1", "float", "1.1"),
        ("(double) 1.1f", "double", "1.100000023841858"),
        ("(int) 'a'.charAt(0)", "int", "97"),
        ("def x = 5; (long) x", "long", "5"),
        ("def x = 5.7; (int) x", "int", "5"),
        ("Object o = [1]; ((List) o).size()", "int", "1"),
        ("Object o = ['a': 1]; ((Map) o).a", "int", "1"),
        ("def o = 'str'; ((String) o).length()", "int", "3"),
        ("(def) 5", "int", "5"),
        ("(Integer) 5", "int", "5"),
        ("(Long) 5L", "long", "5"),
        ("(Object) null", "null", "null"),
        ("(String) null", "null", "null"),
        ("(Map) null", "null", "null"),
        ("long l = 5; l", "long", "5"),
        ("double d = 5L; d", "double", "5.0"),
        ("float f = 5L; f", "float", "5.0"),
        ("int x = 5; x += 2.7; x", "int", "7"),
        ("int x = 5; x -= 0.5; x", "int", "4"),
        ("int x = 5; x *= 1.5; x", "int", "7"),
        ("long x = 5; x /= 2.0; x", "long", "2"),
        ("byte b = 127; b++; b", "byte", "-128"),
        ("short s = 1; s += 1; s", "short", "2"),
        ("char c = 'a'; c++; c", "char", "\"b\""),
        ("def x = 5; x += 2.5; x", "double", "7.5"),
        ("def x = 'a'; x += 1; x", "String", "\"a1\""),
        ("String s = 'a'; s += 1 + 2; s", "String", "\"a3\""),
        ("def x = 5; x++; x", "int", "6"),
        ("def x = 5L; x--; x", "long", "4"),
        ("def x = 1.5; ++x", "double", "2.5"),
    ]);
}

#[test]
fn comparison_and_equality() {
    check(&[
        ("1 == 1", "boolean", "true"),
        ("1 == 1L", "boolean", "true"),
        ("1 == 1.0", "boolean", "true"),
        ("1 != 2", "boolean", "true"),
        ("'a' == 'a'", "boolean", "true"),
        ("'a' == 'b'", "boolean", "false"),
        (
            "String a = 'ab'; String b = 'a' + 'b'; a == b",
            "boolean",
            "true",
        ),
        ("def a = [1, 2]; def b = [1, 2]; a == b", "boolean", "true"),
        (
            "def a = [1, 2]; def b = [1, 2]; a === b",
            "boolean",
            "false",
        ),
        ("def a = [1, 2]; def b = a; a === b", "boolean", "true"),
        ("def a = [1, 2]; def b = [1, 2]; a !== b", "boolean", "true"),
        ("['a': 1] == ['a': 1]", "boolean", "true"),
        ("['a': 1] == ['a': 1L]", "boolean", "false"),
        ("null == null", "boolean", "true"),
        ("null != 'a'", "boolean", "true"),
        ("def x = null; x == 5", "boolean", "false"),
        ("5 == null", "boolean", "false"),
        ("1 < 2", "boolean", "true"),
        ("2 <= 2", "boolean", "true"),
        ("3 > 2L", "boolean", "true"),
        ("2.5 >= 3", "boolean", "false"),
        ("Double.NaN == Double.NaN", "boolean", "false"),
        ("Double.NaN < 1", "boolean", "false"),
        ("def a = 1; def b = 1.0f; a == b", "boolean", "true"),
        ("true == true", "boolean", "true"),
        ("'a' != null", "boolean", "true"),
        ("ctx.a.b == 'x'", "boolean", "true"),
        ("ctx.a.n == 1", "boolean", "true"),
        ("ctx.num > 4", "boolean", "true"),
        ("ctx.f == 1.5", "boolean", "true"),
        ("ctx['empty'] == ''", "boolean", "true"),
        // Map getters shadow keys: `ctx.empty` is `ctx.isEmpty()` (Def.lookupGetter)
        ("ctx.empty", "boolean", "false"),
        ("ctx.nul == null", "boolean", "true"),
        ("ctx.missing == null", "boolean", "true"),
        ("1 < 2 == true", "boolean", "true"),
        ("'a'.equals('a')", "boolean", "true"),
        ("Integer x = 1; x.equals(1L)", "boolean", "false"),
        ("def x = 1; x.equals(1)", "boolean", "true"),
    ]);
}

#[test]
fn boolean_logic_and_conditionals() {
    check(&[
        ("true && false", "boolean", "false"),
        ("true || false", "boolean", "true"),
        ("!true", "boolean", "false"),
        ("!(1 > 2)", "boolean", "true"),
        ("false && (1 / 0 == 0)", "boolean", "false"),
        ("true || (1 / 0 == 0)", "boolean", "true"),
        ("true ? 1 : 2", "int", "1"),
        ("false ? 1 : 2", "int", "2"),
        ("1 > 2 ? 'a' : 'b'", "String", "\"b\""),
        ("true ? false ? 1 : 2 : 3", "int", "2"),
        ("null ?: 'default'", "String", "\"default\""),
        ("'value' ?: 'default'", "String", "\"value\""),
        ("ctx.missing ?: 5", "int", "5"),
        ("ctx.a?.b ?: 'none'", "String", "\"x\""),
        ("ctx.nope?.b ?: 'none'", "String", "\"none\""),
        ("def x = null; x ?: null ?: 3", "int", "3"),
        ("ctx?.a?.b", "String", "\"x\""),
        ("ctx.nope?.b", "null", "null"),
        ("ctx.nope?.b?.c", "null", "null"),
        ("ctx.nope?.size()", "null", "null"),
        ("ctx.a?.size()", "int", "2"),
        (
            "ctx?.json?.uuid != null && ctx?.json?.uuid != ''",
            "boolean",
            "false",
        ),
        (
            "ctx.tags.contains('preserve_original_event')",
            "boolean",
            "true",
        ),
        (
            "ctx?.tags == null || !(ctx.tags.contains('preserve_original_event'))",
            "boolean",
            "false",
        ),
        ("['a', 'b'].contains('a')", "boolean", "true"),
        ("['a', 'b'].contains('c')", "boolean", "false"),
        ("['a', 'b'].contains(null)", "boolean", "false"),
        ("[1, 2].contains(1L)", "boolean", "false"),
        ("[1, 2].contains(2)", "boolean", "true"),
        ("['hello', 'x'].contains(ctx.s)", "boolean", "true"),
        ("[null].contains(null)", "boolean", "true"),
        ("def x = 2; [x, 3].contains(2)", "boolean", "true"),
    ]);
}

#[test]
fn control_flow() {
    check(&[
        ("int x = 0; if (true) { x = 1; } x", "int", "1"),
        ("int x = 0; if (false) { x = 1; } else { x = 2; } x", "int", "2"),
        ("int x = 0; if (false) x = 1; else if (true) x = 3; else x = 4; x", "int", "3"),
        ("int s = 0; for (int i = 0; i < 5; i++) { s += i; } s", "int", "10"),
        ("int s = 0; for (int i = 0; i < 5; ++i) s += i; s", "int", "10"),
        ("int s = 0; for (int i = 0, j = 10; i < j; i++, j--) { s++; } s", "int", "5"),
        ("int s = 0; for (;;) { s++; if (s == 3) break; } s", "int", "3"),
        ("int s = 0; for (int i = 0; i < 10; i++) { if (i % 2 == 0) continue; s += i; } s", "int", "25"),
        ("int s = 0; while (s < 10) s += 3; s", "int", "12"),
        ("int s = 0; do { s++; } while (s < 5); s", "int", "5"),
        ("int s = 0; do { s++; } while (false); s", "int", "1"),
        ("def s = 0; for (x in [1, 2, 3]) { s += x; } s", "int", "6"),
        ("def s = 0; for (int x : [1, 2, 3]) { s += x; } s", "int", "6"),
        ("def s = ''; for (def x : ['a', 'b']) { s += x; } s", "String", "\"ab\""),
        ("def s = 0; for (x in ctx.list) s += x; s", "int", "6"),
        ("def keys = []; for (e in ['a': 1].entrySet()) { keys.add(e.getKey() + e.getValue()); } keys", "ArrayList", "[\"a1\"]"),
        ("def s = 0; for (int[] a : new int[][] {new int[] {1, 2}, new int[] {3}}) { for (int v : a) s += v; } s", "int", "6"),
        ("int f(int n) { if (n <= 1) return 1; return n * f(n - 1); } f(10)", "int", "3628800"),
        ("int fib(int n) { n < 2 ? n : fib(n - 1) + fib(n - 2) } fib(15)", "int", "610"),
        ("void noop() { return; } noop(); 1", "int", "1"),
        ("def twice(def x) { return x * 2; } twice(2.5)", "double", "5.0"),
        ("String greet(String n) { return 'hi ' + n; } greet(params.name)", "String", "\"hi bob\""),
        ("boolean even(int n) { n % 2 == 0 } [even(2), even(3)]", "ArrayList", "[true, false]"),
        ("long sq(long v) { v * v } sq(3)", "long", "9"),
        ("int a(int x) { b(x) + 1 } int b(int x) { x * 2 } a(5)", "int", "11"),
        ("int x = 0; { int y = 5; x = y; } x", "int", "5"),
        ("for (int i = 0; i < 3; i++) { if (i == 1) { return i; } } return -1", "int", "1"),
        ("int i = 0; while (true) { if (++i > 4) break; } i", "int", "5"),
        ("int x = 0; x = x++ + ++x; x", "int", "2"),
        ("int i = 5; int j = i--; [i, j]", "ArrayList", "[4, 5]"),
        ("int i = 5; int j = --i; [i, j]", "ArrayList", "[4, 4]"),
    ]);
}

#[test]
fn exceptions_try_catch() {
    check(&[
        ("try { throw new IllegalArgumentException('bad'); } catch (IllegalArgumentException e) { return e.getMessage(); }", "String", "\"bad\""),
        ("try { return 1 / 0; } catch (ArithmeticException e) { return e.getMessage(); }", "String", "\"/ by zero\""),
        ("try { Integer.parseInt('x'); } catch (NumberFormatException e) { return e.getMessage(); } return null", "String", "\"For input string: \\\"x\\\"\""),
        ("try { Integer.parseInt('x'); } catch (IllegalArgumentException e) { return 'iae'; } return null", "String", "\"iae\""),
        ("try { Integer.parseInt('x'); } catch (Exception e) { return 'e'; } return null", "String", "\"e\""),
        ("try { def x = null; x.foo(); } catch (NullPointerException e) { return 'npe'; } return null", "String", "\"npe\""),
        ("try { [1][5]; } catch (IndexOutOfBoundsException e) { return 'ioobe'; } return null", "String", "\"ioobe\""),
        ("try { [1][5]; } catch (NullPointerException e) { return 'npe'; } catch (RuntimeException e) { return 'rt'; } return null", "String", "\"rt\""),
        ("int x = 0; try { x = 1; } catch (Exception e) { x = 2; } x", "int", "1"),
        ("try { throw new RuntimeException(); } catch (RuntimeException e) { return e.getMessage(); }", "null", "null"),
        ("String f() { throw new IllegalStateException('s'); } try { f(); } catch (IllegalStateException e) { return e.getMessage(); } return null", "String", "\"s\""),
    ]);
}

#[test]
fn strings() {
    check(&[
        ("'abc'.length()", "int", "3"),
        ("''.isEmpty()", "boolean", "true"),
        ("'abc'.charAt(1)", "char", "\"b\""),
        ("'hello'.substring(1)", "String", "\"ello\""),
        ("'hello'.substring(1, 3)", "String", "\"el\""),
        ("'hello'.indexOf('l')", "int", "2"),
        ("'hello'.indexOf('l', 3)", "int", "3"),
        ("'hello'.indexOf('z')", "int", "-1"),
        ("'hello'.lastIndexOf('l')", "int", "3"),
        ("'hello'.contains('ell')", "boolean", "true"),
        ("'hello'.startsWith('he')", "boolean", "true"),
        ("'hello'.startsWith('l', 2)", "boolean", "true"),
        ("'hello'.endsWith('lo')", "boolean", "true"),
        ("'HeLLo'.toLowerCase()", "String", "\"hello\""),
        ("'HeLLo'.toUpperCase()", "String", "\"HELLO\""),
        ("'  pad  '.trim()", "String", "\"pad\""),
        ("'a-b-c'.replace('-', '+')", "String", "\"a+b+c\""),
        ("'aaa'.replace('aa', 'b')", "String", "\"ba\""),
        ("'Hello'.equalsIgnoreCase('hELLO')", "boolean", "true"),
        ("'a'.compareTo('b')", "int", "-1"),
        ("'b'.compareTo('a')", "int", "1"),
        ("'apple'.compareTo('apricot')", "int", "-2"),
        ("'abc'.concat('def')", "String", "\"abcdef\""),
        (
            "'a,b,,c'.splitOnToken(',')",
            "String[]",
            "[\"a\", \"b\", \"\", \"c\"]",
        ),
        (
            "'a,b,c'.splitOnToken(',', 2)",
            "String[]",
            "[\"a\", \"b,c\"]",
        ),
        ("'a::b'.splitOnToken('::').length", "int", "2"),
        ("'abc'.codePointCount(0, 3)", "int", "3"),
        ("'abc'.contentEquals('abc')", "boolean", "true"),
        ("'abc'.hashCode()", "int", "96354"),
        ("'abc'.toString()", "String", "\"abc\""),
        ("'a' + 1 + 2", "String", "\"a12\""),
        ("1 + 2 + 'a'", "String", "\"3a\""),
        ("'v' + 1.0", "String", "\"v1.0\""),
        ("'v' + 1e10", "String", "\"v1.0E10\""),
        ("'v' + 0.00001", "String", "\"v1.0E-5\""),
        ("'v' + 100.0f", "String", "\"v100.0\""),
        ("'v' + null", "String", "\"vnull\""),
        ("'v' + true", "String", "\"vtrue\""),
        ("'v' + [1, 2]", "String", "\"v[1, 2]\""),
        ("'v' + ['a': 1]", "String", "\"v{a=1}\""),
        ("'v' + (char) 65", "String", "\"vA\""),
        ("String.valueOf(5)", "String", "\"5\""),
        ("String.valueOf(1.5f)", "String", "\"1.5\""),
        ("String.valueOf(null)", "String", "\"null\""),
        ("String.join(',', ['a', 'b'])", "String", "\"a,b\""),
        ("'ab'.toLowerCase(Locale.ROOT)", "String", "\"ab\""),
        (
            "String.format('%s=%d', new def[] {'a', 5})",
            "String",
            "\"a=5\"",
        ),
        (
            "String.format('%08.3f', new def[] {3.14159})",
            "String",
            "\"0003.142\"",
        ),
        (
            "String.format('%-4s|', new Object[] {'ab'})",
            "String",
            "\"ab  |\"",
        ),
        (
            "String.format(Locale.ROOT, '%x', new def[] {255})",
            "String",
            "\"ff\"",
        ),
        ("String.format('%%', new def[0])", "String", "\"%\""),
        (
            "'x'.sha1()",
            "String",
            "\"11f6ad8ec52a2984abaafd7c3b516503785c2072\"",
        ),
        (
            "'x'.sha256()",
            "String",
            "\"2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881\"",
        ),
        ("'hello'.encodeBase64()", "String", "\"aGVsbG8=\""),
        ("'aGVsbG8='.decodeBase64()", "String", "\"hello\""),
        ("'é'.length()", "int", "1"),
        ("'😀'.length()", "int", "2"),
        ("'a😀b'.substring(3)", "String", "\"b\""),
        ("'a😀b'.indexOf('b')", "int", "3"),
        ("ctx.s.toUpperCase()", "String", "\"HELLO\""),
        ("ctx.s.length()", "int", "5"),
        ("ctx.s.empty", "boolean", "false"),
        ("ctx['empty'].isEmpty()", "boolean", "true"),
        ("def s = 'abc'; s.length()", "int", "3"),
        ("'abc'.chars().count()", "long", "3"),
        ("'AbC'.toCharArray().length", "int", "3"),
        ("Character.isDigit('7'.charAt(0))", "boolean", "true"),
        ("Character.isLetter('x'.charAt(0))", "boolean", "true"),
        ("Character.toUpperCase('q'.charAt(0))", "char", "\"Q\""),
    ]);
}

#[test]
fn lists() {
    check(&[
        ("def l = [1, 2, 3]; l.size()", "int", "3"),
        ("def l = [1, 2, 3]; l.length", "int", "3"),
        ("List l = [1, 2, 3]; l.length", "int", "3"),
        ("def l = [1, 2, 3]; l.getLength()", "int", "3"),
        ("def l = [1, 2, 3]; l[0]", "int", "1"),
        ("def l = [1, 2, 3]; l[-1]", "int", "3"),
        ("def l = [1, 2, 3]; l[-3]", "int", "1"),
        ("def l = [1, 2, 3]; l.get(1)", "int", "2"),
        ("def l = [1, 2, 3]; l[1] = 9; l", "ArrayList", "[1, 9, 3]"),
        ("def l = [1, 2, 3]; l[-1] = 9; l", "ArrayList", "[1, 2, 9]"),
        ("def l = [1, 2, 3]; l.set(0, 7); l", "ArrayList", "[7, 2, 3]"),
        ("def l = [1, 2, 3]; l.add(4); l", "ArrayList", "[1, 2, 3, 4]"),
        ("def l = [1, 2, 3]; l.add(0, 0); l", "ArrayList", "[0, 1, 2, 3]"),
        ("def l = [1, 2, 3]; l.remove(0); l", "ArrayList", "[2, 3]"),
        ("def l = [1, 2, 3]; l.remove(0)", "int", "1"),
        ("def l = [1, 2]; l.addAll([3, 4]); l", "ArrayList", "[1, 2, 3, 4]"),
        ("def l = [3, 1, 2]; l.sort(null); l", "ArrayList", "[1, 2, 3]"),
        ("def l = [3, 1, 2]; l.sort((a, b) -> b - a); l", "ArrayList", "[3, 2, 1]"),
        ("def l = ['b', 'a', 'C']; Collections.sort(l); l", "ArrayList", "[\"C\", \"a\", \"b\"]"),
        ("def l = [1, 2, 3]; Collections.reverse(l); l", "ArrayList", "[3, 2, 1]"),
        ("def l = [1, 2, 3, 4]; l.removeIf(x -> x % 2 == 0); l", "ArrayList", "[1, 3]"),
        ("def l = [1, 2, 3]; l.removeIf(x -> x > 5)", "boolean", "false"),
        ("def l = [1, 2, 3]; l.indexOf(2)", "int", "1"),
        ("def l = [1, 2, 3]; l.indexOf(5)", "int", "-1"),
        ("def l = [1, 2, 1]; l.lastIndexOf(1)", "int", "2"),
        ("def l = [1, 2, 3]; l.contains(2)", "boolean", "true"),
        ("def l = [1, 2, 3]; l.isEmpty()", "boolean", "false"),
        ("def l = []; l.isEmpty()", "boolean", "true"),
        ("def l = []; l.empty", "boolean", "true"),
        ("def l = [1, 2, 3]; l.subList(1, 3)", "ArrayList", "[2, 3]"),
        ("def l = [1, 2, 3]; l.clear(); l", "ArrayList", "[]"),
        ("def l = [1, 2]; l.replaceAll(x -> x * 10); l", "ArrayList", "[10, 20]"),
        ("def l = [1, 2, 3]; l.retainAll([2, 3, 4]); l", "ArrayList", "[2, 3]"),
        ("def l = [1, 2, 3]; l.removeAll([2]); l", "ArrayList", "[1, 3]"),
        ("def l = [1, 2]; def it = l.iterator(); def s = 0; while (it.hasNext()) { s += it.next(); } s", "int", "3"),
        ("def l = [1, 2, 3]; def it = l.iterator(); while (it.hasNext()) { if (it.next() == 2) it.remove(); } l", "ArrayList", "[1, 3]"),
        ("def l = [1, 2]; def m = l; m.add(3); l", "ArrayList", "[1, 2, 3]"),
        ("def l = [1, 2]; def c = new ArrayList(l); c.add(3); l", "ArrayList", "[1, 2]"),
        ("def l = [[1], [2]]; l[0].add(5); l", "ArrayList", "[[1, 5], [2]]"),
        ("[1, 2, 3].stream().mapToInt(x -> x).sum()", "int", "6"),
        ("[1, 2, 3].any(x -> x > 2)", "boolean", "true"),
        ("[1, 2, 3].every(x -> x > 2)", "boolean", "false"),
        ("[1, 2, 3].collect(x -> x * 2)", "ArrayList", "[2, 4, 6]"),
        ("[1, 2, 3].findAll(x -> x != 2)", "ArrayList", "[1, 3]"),
        ("[1, 2, 3].find(x -> x > 1)", "int", "2"),
        ("[1, 2, 3].join('-')", "String", "\"1-2-3\""),
        ("[1, 2, 3].sum()", "double", "6.0"),
        ("def s = 0; [1, 2].each(x -> s += x); s", "int", "0"),
        ("def out = []; [1, 2].forEach(x -> out.add(x * 3)); out", "ArrayList", "[3, 6]"),
        ("Arrays.asList(new String[] {'a', 'b'})", "List", "[\"a\", \"b\"]"),
        ("Collections.singletonList(5)", "List", "[5]"),
        ("Collections.nCopies(2, 'x')", "List", "[\"x\", \"x\"]"),
        ("[1, 2] + ''", "String", "\"[1, 2]\""),
        ("ctx.list.size()", "int", "3"),
        ("ctx.list[1]", "int", "2"),
        ("ctx.nested.arr[1].k", "String", "\"v2\""),
        ("ctx.nested.arr.length", "int", "2"),
        ("def l = new LinkedList(); l.add(1); l.addFirst(0); l", "LinkedList", "[0, 1]"),
        ("def l = [3, 1, 2]; Collections.max(l)", "int", "3"),
        ("def l = [3, 1, 2]; Collections.min(l)", "int", "1"),
        ("def l = [1, 2]; l.toString()", "String", "\"[1, 2]\""),
        ("def l = [1, 2]; l.equals([1, 2])", "boolean", "true"),
        ("def l = [1, 2]; l.hashCode()", "int", "994"),
    ]);
}

/// After `.` Painless's lexer switches to its AFTER_DOT mode: a list index or a name, keywords
/// included, and nothing else (not even a space).
#[test]
fn dot_shortcuts() {
    check(&[
        ("def l = [[1, 2], [3, 4]]; l.1.0", "int", "3"),
        ("ctx.list.0 + ctx.list?.2", "int", "4"),
        ("ctx.nested.arr.1.k", "String", "\"v2\""),
        (
            "def m = ['true': 1, 'null': 2, 'if': 3]; m.true + m.null + m.if",
            "int",
            "6",
        ),
        ("1.5 + 0.5", "double", "2.0"),
    ]);
    check_msg(&[
        (
            "return .5;",
            "illegal_argument_exception",
            "invalid sequence of tokens near ['.'].",
        ),
        (
            "def m = ['a': 1]; m. a",
            "illegal_argument_exception",
            "unexpected character [ ].",
        ),
        (
            "def l = [5]; l.01",
            "illegal_argument_exception",
            "invalid sequence of tokens near ['1'].",
        ),
    ]);
}

/// Natural ordering is `((Comparable) a).compareTo(b)`: the receiver's cast, the bridge
/// method's cast of the argument, its read of the argument's value; `TreeMap.put` compares the
/// new key with the existing ones, and the first key with itself (JDK 17 texts).
#[test]
fn natural_ordering_failures() {
    let cce = |from: &str, to: &str| {
        format!("class {from} cannot be cast to class {to} ({from} and {to} are in module java.base of loader 'bootstrap')")
    };
    let map_cce = cce("java.util.HashMap", "java.lang.Comparable");
    let str_int = cce("java.lang.String", "java.lang.Integer");
    check_msg(&[
        (
            "Collections.sort([['a': 1], ['b': 2]])",
            "class_cast_exception",
            &map_cce,
        ),
        (
            "Collections.max([['a': 1], ['b': 2]])",
            "class_cast_exception",
            &map_cce,
        ),
        (
            "def s = new TreeSet(); s.add(['a': 1])",
            "class_cast_exception",
            &map_cce,
        ),
        (
            "def m = new TreeMap(); m.put(['a': 1], 1)",
            "class_cast_exception",
            &map_cce,
        ),
        (
            "def s = new TreeSet(); s.add('a'); s.add(1)",
            "class_cast_exception",
            &str_int,
        ),
        (
            "Collections.sort(['x', 1])",
            "class_cast_exception",
            &str_int,
        ),
        (
            "Collections.sort([null, 'a'])",
            "null_pointer_exception",
            "Cannot read field \"value\" because \"anotherString\" is null",
        ),
        (
            "def s = new TreeSet(); s.add(null)",
            "null_pointer_exception",
            "Cannot invoke \"java.lang.Comparable.compareTo(Object)\" because \"k1\" is null",
        ),
    ]);
}

#[test]
fn maps() {
    check(&[
        ("def m = ['a': 1]; m.a", "int", "1"),
        ("def m = ['a': 1]; m['a']", "int", "1"),
        ("def m = ['a': 1]; m.get('a')", "int", "1"),
        ("def m = ['a': 1]; m.b", "null", "null"),
        ("def m = [:]; m.x = 5; m", "HashMap", "{\"x\": 5}"),
        ("def m = [:]; m['x'] = 5; m.x", "int", "5"),
        ("def m = [:]; m.put('x', 1)", "null", "null"),
        ("def m = ['x': 1]; m.put('x', 2)", "int", "1"),
        ("def m = ['x': 1]; m.remove('x')", "int", "1"),
        ("def m = ['x': 1]; m.remove('x'); m", "HashMap", "{}"),
        ("def m = ['x': 1]; m.containsKey('x')", "boolean", "true"),
        ("def m = ['x': 1]; m.containsValue(1)", "boolean", "true"),
        ("def m = ['x': 1]; m.getOrDefault('y', 7)", "int", "7"),
        ("def m = ['x': 1]; m.putIfAbsent('x', 2); m.x", "int", "1"),
        ("def m = ['x': 1, 'y': 2]; m.size()", "int", "2"),
        ("def m = [:]; m.isEmpty()", "boolean", "true"),
        ("def m = [:]; m.empty", "boolean", "true"),
        ("def m = ['empty': 5]; m.empty", "boolean", "false"),
        ("def m = ['empty': 5]; m['empty']", "int", "5"),
        ("def m = ['b': 1, 'a': 2]; m.keySet()", "HashMap$KeySet", "[\"a\", \"b\"]"),
        ("def m = ['b': 1, 'a': 2]; new ArrayList(m.keySet())", "ArrayList", "[\"a\", \"b\"]"),
        ("def m = ['b': 1, 'a': 2]; new ArrayList(m.values())", "ArrayList", "[2, 1]"),
        ("def m = ['b': 1, 'a': 2]; def s = ''; for (e in m.entrySet()) { s += e.getKey() + '=' + e.value + ';'; } s", "String", "\"a=2;b=1;\""),
        ("def m = ['a': 1, 'b': 2]; m.values().removeIf(v -> v == 1); m", "HashMap", "{\"b\": 2}"),
        ("def m = ['a': 1, 'b': 2]; m.keySet().removeIf(k -> k == 'b'); m", "HashMap", "{\"a\": 1}"),
        ("def m = ['a': 1, 'b': 2]; m.entrySet().removeIf(e -> e.getValue() == 2); m", "HashMap", "{\"a\": 1}"),
        ("def m = ['a': 1]; for (e in m.entrySet()) { e.setValue(5); } m", "HashMap", "{\"a\": 5}"),
        ("def m = ['a': 1]; m.computeIfAbsent('b', k -> k + '!'); m.b", "String", "\"b!\""),
        ("def m = ['a': 1]; m.merge('a', 5, (x, y) -> x + y); m.a", "int", "6"),
        ("def m = ['a': 1]; m.compute('a', (k, v) -> v * 10); m.a", "int", "10"),
        ("def m = ['a': 1]; def n = 0; m.forEach((k, v) -> n += v); m.size()", "int", "1"),
        ("def m = ['a': 1]; m.putAll(['b': 2]); m.size()", "int", "2"),
        ("def m = ['a': ['b': ['c': 1]]]; m.a.b.c", "int", "1"),
        ("def m = ['a': ['b': [1, 2]]]; m.getByPath('a.b.1')", "int", "2"),
        ("def m = ['a': ['x': 1]]; m.getByPath('a.b', 'dflt')", "String", "\"dflt\""),
        ("def m = ['a': null]; m.getByPath('a', 'dflt')", "null", "null"),
        ("def l = [['k': 'v']]; l.getByPath('0.k')", "String", "\"v\""),
        ("def l = [1, 2]; l.getByPath('5', 'dflt')", "String", "\"dflt\""),
        ("def m = [:]; m[1] = 'one'; m[1]", "String", "\"one\""),
        ("def m = [:]; m[1] = 'one'; m[1L]", "null", "null"),
        ("def m = new TreeMap(); m.b = 1; m.a = 2; m.c = 3; m", "TreeMap", "{\"a\": 2, \"b\": 1, \"c\": 3}"),
        ("def m = new TreeMap(); m.b = 1; m.a = 2; m.firstKey()", "String", "\"a\""),
        ("def m = new LinkedHashMap(); m.b = 1; m.a = 2; new ArrayList(m.keySet())", "ArrayList", "[\"b\", \"a\"]"),
        ("def m = ['b': 1, 'a': 2]; m.toString()", "String", "\"{a=2, b=1}\""),
        ("def m = new HashMap(['a': 1]); m.a", "int", "1"),
        ("Map m = ['x': [1]]; m.x.add(2); m", "HashMap", "{\"x\": [1, 2]}"),
        ("def m = ['k': 1]; def a = m; a.k = 2; m.k", "int", "2"),
        ("ctx.a.b", "String", "\"x\""),
        ("ctx['a']['b']", "String", "\"x\""),
        ("ctx['dotted.key']", "String", "\"dk\""),
        ("ctx.a.size()", "int", "2"),
        ("ctx.a.containsKey('n')", "boolean", "true"),
        ("ctx.new_field = 1; ctx.new_field", "int", "1"),
        ("ctx.remove('a'); ctx.a", "null", "null"),
        ("ctx.a.collect((k, v) -> k).size()", "int", "2"),
        ("def m = ['a': 1, 'b': 2]; m.findAll((k, v) -> v > 1)", "LinkedHashMap", "{\"b\": 2}"),
        ("def m = ['a': 1, 'b': 2]; m.count((k, v) -> v > 0)", "int", "2"),
        ("Collections.singletonMap('a', 1).a", "int", "1"),
        ("def m = ['a': 1]; m.replaceAll((k, v) -> v + 1); m.a", "int", "2"),
        ("def m = ['a': 1]; m.remove('a', 2); m.size()", "int", "1"),
    ]);
}

#[test]
fn sets() {
    check(&[
        ("def s = new HashSet(); s.add(1); s.add(1); s.size()", "int", "1"),
        ("def s = new HashSet(); s.add('a')", "boolean", "true"),
        ("def s = new HashSet(); s.add('a'); s.add('a')", "boolean", "false"),
        ("def s = new HashSet(['a', 'b']); s.contains('a')", "boolean", "true"),
        ("def s = new HashSet(['a', 'b']); s.remove('a'); s", "HashSet", "[\"b\"]"),
        ("def s = new TreeSet(['c', 'a', 'b']); s", "TreeSet", "[\"a\", \"b\", \"c\"]"),
        ("def s = new TreeSet(['c', 'a', 'b']); s.first()", "String", "\"a\""),
        ("def s = new TreeSet(['c', 'a', 'b']); s.last()", "String", "\"c\""),
        ("def s = new TreeSet([3, 1, 2]); new ArrayList(s)", "ArrayList", "[1, 2, 3]"),
        ("def s = new TreeSet(['b', 'B', 'a']); new ArrayList(s)", "ArrayList", "[\"B\", \"a\", \"b\"]"),
        ("def s = new LinkedHashSet(); s.add('z'); s.add('a'); new ArrayList(s)", "ArrayList", "[\"z\", \"a\"]"),
        ("def s = new HashSet(); s.add('zeta'); s.add('alpha'); s.add('New Device'); new ArrayList(s)", "ArrayList", "[\"zeta\", \"New Device\", \"alpha\"]"),
        ("def s = new HashSet([1, 2, 3]); s.removeIf(x -> x > 1); s", "HashSet", "[1]"),
        ("def s = new HashSet([1, 2]); s.addAll([2, 3]); s.size()", "int", "3"),
        ("def s = new HashSet([1, 2]); s.isEmpty()", "boolean", "false"),
        ("def s = new HashSet([1, 2]); s.stream().mapToInt(x -> x).sum()", "int", "3"),
        ("def s = new HashSet([1, 2]); def t = 0; for (x in s) t += x; t", "int", "3"),
        ("Collections.singleton('a').contains('a')", "boolean", "true"),
        ("def s = new TreeSet(); s.add('b'); s.add('a'); s.toString()", "String", "\"[a, b]\""),
    ]);
}

#[test]
fn lambdas_streams_and_refs() {
    check(&[
        ("[1, 2, 3].stream().map(x -> x * 2).collect(Collectors.toList())", "ArrayList", "[2, 4, 6]"),
        ("[1, 2, 3].stream().filter(x -> x > 1).count()", "long", "2"),
        ("[3, 1, 2].stream().sorted().collect(Collectors.toList())", "ArrayList", "[1, 2, 3]"),
        ("[3, 1, 2].stream().sorted((a, b) -> b.compareTo(a)).findFirst().get()", "int", "3"),
        ("['a', 'b'].stream().collect(Collectors.joining(','))", "String", "\"a,b\""),
        ("['a', 'b'].stream().collect(Collectors.joining(', ', '[', ']'))", "String", "\"[a, b]\""),
        ("[1, 1, 2].stream().distinct().count()", "long", "2"),
        ("[1, 2, 3].stream().reduce(0, (a, b) -> a + b)", "int", "6"),
        ("[1, 2, 3].stream().reduce((a, b) -> a * b).get()", "int", "6"),
        ("[1, 2, 3].stream().anyMatch(x -> x == 2)", "boolean", "true"),
        ("[1, 2, 3].stream().allMatch(x -> x > 0)", "boolean", "true"),
        ("[1, 2, 3].stream().noneMatch(x -> x > 2)", "boolean", "false"),
        ("[1, 2, 3].stream().limit(2).collect(Collectors.toList())", "ArrayList", "[1, 2]"),
        ("[1, 2, 3].stream().skip(2).collect(Collectors.toList())", "ArrayList", "[3]"),
        ("[].stream().findFirst().isPresent()", "boolean", "false"),
        ("[].stream().findFirst().orElse('none')", "String", "\"none\""),
        ("[1, 2, 3].stream().max((a, b) -> a - b).get()", "int", "3"),
        ("[[1, 2], [3]].stream().flatMap(l -> l.stream()).collect(Collectors.toList())", "ArrayList", "[1, 2, 3]"),
        ("['a', 'bb'].stream().collect(Collectors.toMap(s -> s, s -> s.length()))", "HashMap", "{\"a\": 1, \"bb\": 2}"),
        ("['a', 'bb', 'cc'].stream().collect(Collectors.groupingBy(s -> s.length()))", "HashMap", "{\"1\": [\"a\"], \"2\": [\"bb\", \"cc\"]}"),
        ("['a', 'bb', 'cc'].stream().collect(Collectors.groupingBy(s -> s.length(), Collectors.counting())).get(2)", "long", "2"),
        ("[1, 1].stream().collect(Collectors.toSet()).size()", "int", "1"),
        ("['b', 'a'].stream().map(String::toUpperCase).collect(Collectors.toList())", "ArrayList", "[\"B\", \"A\"]"),
        ("['1', '2'].stream().map(Integer::parseInt).collect(Collectors.toList())", "ArrayList", "[1, 2]"),
        ("['1', '2'].stream().mapToInt(Integer::parseInt).sum()", "int", "3"),
        ("int dbl(int x) { x * 2 } [1, 2].stream().map(this::dbl).collect(Collectors.toList())", "ArrayList", "[2, 4]"),
        ("def n = 10; [1, 2].stream().map(x -> x + n).collect(Collectors.toList())", "ArrayList", "[11, 12]"),
        ("def l = []; def add = 5; [1].forEach(x -> { l.add(x + add); }); l", "ArrayList", "[6]"),
        ("[1, 2, 3].stream().map(x -> { def y = x * x; return y; }).collect(Collectors.toList())", "ArrayList", "[1, 4, 9]"),
        ("[1, 2].stream().map((def x) -> x + 1).collect(Collectors.toList())", "ArrayList", "[2, 3]"),
        ("[1, 2].stream().map((int x) -> x + 1).collect(Collectors.toList())", "ArrayList", "[2, 3]"),
        ("def l = ['b', 'a']; l.sort(Comparator.naturalOrder()); l", "ArrayList", "[\"a\", \"b\"]"),
        ("['x'].stream().map(s -> s + '!').findFirst().get()", "String", "\"x!\""),
        ("[1, 2, 3, 4].stream().filter(x -> x % 2 == 0).map(x -> x * 10).collect(Collectors.toList())", "ArrayList", "[20, 40]"),
        ("Optional.ofNullable(null).isPresent()", "boolean", "false"),
        ("Optional.of(5).map(x -> x + 1).get()", "int", "6"),
        ("[1, 2, 3].stream().mapToInt(x -> x).average().getAsDouble()", "double", "2.0"),
        ("def s = new ArrayList(); s.add(ctx.a.b); s.stream().map(x -> x.toUpperCase()).collect(Collectors.toList())", "ArrayList", "[\"X\"]"),
        ("ctx.list.stream().filter(x -> x > 1).count()", "long", "2"),
        ("def total = 0; for (def x : ctx.list) { total += x } total", "int", "6"),
        ("field('a.b').get(null)", "String", "\"x\""),
        ("field('a.missing').get('dflt')", "String", "\"dflt\""),
        ("field('dotted.key').get(null)", "String", "\"dk\""),
        ("field('a.b').exists()", "boolean", "true"),
        ("field('zz').exists()", "boolean", "false"),
        ("field('list').size()", "int", "3"),
        ("field('list').get(1, null)", "int", "2"),
        ("field('s').get(0, null)", "String", "\"hello\""),
        ("field('x.y.z').set(1); ctx.x.y.z", "int", "1"),
        ("field('a.c').set(2); ctx.a.c", "int", "2"),
        ("field('list').append(4); ctx.list", "ArrayList", "[1, 2, 3, 4]"),
        ("field('s').append('x'); ctx.s", "ArrayList", "[\"hello\", \"x\"]"),
        ("field('a.b').remove(); ctx.a", "HashMap", "{\"n\": 1}"),
        ("field('list').transform(x -> x * 2); ctx.list", "ArrayList", "[2, 4, 6]"),
        ("field('list').removeValuesIf(x -> x == 2); ctx.list", "ArrayList", "[1, 3]"),
        ("field('list').hasValue(x -> x == 3)", "boolean", "true"),
        ("field('nested.arr').isEmpty()", "boolean", "false"),
        ("$('a.b', 'd')", "String", "\"x\""),
        ("$('a.zz', 'd')", "String", "\"d\""),
        ("field('json.target').get(new ArrayList()).stream().count()", "long", "0"),
    ]);
}

#[test]
fn regexes() {
    check(&[
        ("'abc' =~ /b/", "boolean", "true"),
        ("'abc' =~ /^b/", "boolean", "false"),
        ("'abc' ==~ /a.c/", "boolean", "true"),
        ("'abcd' ==~ /a.c/", "boolean", "false"),
        ("'ABC' ==~ /abc/i", "boolean", "true"),
        ("'ab' ==~ /A.?B/i", "boolean", "true"),
        (
            "def m = /(\\d+)-(\\d+)/.matcher('10-20'); m.matches() ? m.group(2) : null",
            "String",
            "\"20\"",
        ),
        (
            "def m = /(?<year>\\d{4})/.matcher('in 2024!'); m.find() ? m.namedGroup('year') : null",
            "String",
            "\"2024\"",
        ),
        (
            "def m = /(?<year>\\d{4})/.matcher('in 2024!'); m.find(); m.namedGroup('year')",
            "String",
            "\"2024\"",
        ),
        (
            "def m = /o/.matcher('foo boo'); int n = 0; while (m.find()) { n++; } n",
            "int",
            "4",
        ),
        (
            "def m = /o+/.matcher('foo'); m.find(); [m.start(), m.end()]",
            "ArrayList",
            "[1, 3]",
        ),
        (
            "/[ -]/.matcher('a b-c').replaceAll('_')",
            "String",
            "\"a_b_c\"",
        ),
        (
            "/(\\w+)@(\\w+)/.matcher('me@host').replaceAll('$2 at $1')",
            "String",
            "\"host at me\"",
        ),
        ("/a/.matcher('aaa').replaceFirst('b')", "String", "\"baa\""),
        (
            "'a1b22'.replaceAll(/\\d+/, m -> '<' + m.group() + '>')",
            "String",
            "\"a<1>b<22>\"",
        ),
        (
            "'a1b22'.replaceFirst(/\\d+/, m -> 'N')",
            "String",
            "\"aNb22\"",
        ),
        (
            "/,\\s*/.split('a, b,c')",
            "String[]",
            "[\"a\", \"b\", \"c\"]",
        ),
        // Pattern.split drops every trailing empty string, down to none; no match gives the input
        // back (JDK 17: [], [], [""], [a], [a, , b])
        ("/\\./.split('...')", "String[]", "[]"),
        ("/\\./.split('.')", "String[]", "[]"),
        ("/\\./.split('')", "String[]", "[\"\"]"),
        ("/\\./.split('a..')", "String[]", "[\"a\"]"),
        ("/\\./.split('a..b')", "String[]", "[\"a\", \"\", \"b\"]"),
        ("/x/.pattern()", "String", "\"x\""),
        (
            "def m = /(a)(b)?/.matcher('a'); m.matches(); m.group(2)",
            "null",
            "null",
        ),
        (
            "def m = /(a)(b)/.matcher('ab'); m.matches(); m.groupCount()",
            "int",
            "2",
        ),
        ("def p = /\\//; 'a/b' =~ p", "boolean", "true"),
        ("ctx.s ==~ /h.*o/", "boolean", "true"),
        ("'x' ==~ /X/i ? 'yes' : 'no'", "String", "\"yes\""),
    ]);
}

#[test]
fn numbers_api() {
    check(&[
        ("Integer.parseInt('42')", "int", "42"),
        ("Integer.parseInt('-42')", "int", "-42"),
        ("Integer.parseInt('+7')", "int", "7"),
        ("Integer.parseInt('ff', 16)", "int", "255"),
        ("Long.parseLong('9999999999')", "long", "9999999999"),
        ("Double.parseDouble('1.25')", "double", "1.25"),
        ("Float.parseFloat('1.25')", "float", "1.25"),
        // hexadecimal floating point and direct rounding to float, as JDK 17 gives them
        ("Double.parseDouble('0x1.8p1')", "double", "3.0"),
        ("Double.parseDouble(' -0X1.8P-2d ')", "double", "-0.375"),
        ("Float.parseFloat('-0X.8P-1')", "float", "-0.25"),
        (
            "Float.parseFloat('0x1.0000010000000000001p0')",
            "float",
            "1.0000001",
        ),
        (
            "Float.parseFloat('1.00000005960464477550')",
            "float",
            "1.0000001",
        ),
        (
            "Double.toString(Double.parseDouble('0x1.fffffffffffff8p1023'))",
            "String",
            "\"Infinity\"",
        ),
        ("Integer.valueOf(5)", "int", "5"),
        ("Integer.toString(5)", "String", "\"5\""),
        ("Integer.toHexString(255)", "String", "\"ff\""),
        ("Long.toString(255L, 2)", "String", "\"11111111\""),
        ("Double.toString(1e21)", "String", "\"1.0E21\""),
        ("Double.isNaN(0.0 / 0)", "boolean", "true"),
        ("Boolean.parseBoolean('yes')", "boolean", "false"),
        // java.lang.Math has only its double overloads in Painless's allowlist
        ("Math.max(3, 7)", "double", "7.0"),
        ("Math.min(3L, 7)", "double", "3.0"),
        ("Math.abs(-5) / 2", "double", "2.5"),
        (
            "float f = 2475.469f; Math.round(f * 1000000) * 1000",
            "long",
            "2475469056000",
        ),
        ("Integer.max(3, 7)", "int", "7"),
        ("Math.abs(-2.5)", "double", "2.5"),
        ("Math.pow(2, 0.5)", "double", "1.4142135623730951"),
        ("Math.sqrt(16)", "double", "4.0"),
        ("Math.round(1.5)", "long", "2"),
        ("Math.round(-1.5)", "long", "-1"),
        ("Math.round(1.5f)", "long", "2"),
        ("Math.floor(1.7)", "double", "1.0"),
        ("Math.ceil(1.2)", "double", "2.0"),
        ("Math.log(Math.E)", "double", "1.0"),
        ("Math.PI", "double", "3.141592653589793"),
        ("def x = 5; x.doubleValue()", "double", "5.0"),
        ("def x = 5.9; x.intValue()", "int", "5"),
        ("def x = 3000000000L; x.intValue()", "int", "-1294967296"),
        ("def x = 5; x.compareTo(7)", "int", "-1"),
        ("Integer.compare(5, 3)", "int", "1"),
        ("Integer.MIN_VALUE / -1", "int", "-2147483648"),
        ("Long.sum(1, 2)", "long", "3"),
    ]);
}

#[test]
fn dates() {
    check(&[
        ("ZonedDateTime.parse('2021-03-04T05:06:07Z').getYear()", "int", "2021"),
        ("ZonedDateTime.parse('2021-03-04T05:06:07Z').getMonthValue()", "int", "3"),
        ("ZonedDateTime.parse('2021-03-04T05:06:07Z').getDayOfMonth()", "int", "4"),
        ("ZonedDateTime.parse('2021-03-04T05:06:07Z').getHour()", "int", "5"),
        ("ZonedDateTime.parse('2021-03-04T05:06:07Z').toString()", "String", "\"2021-03-04T05:06:07Z\""),
        ("ZonedDateTime.parse('2021-03-04T05:06:00Z').toString()", "String", "\"2021-03-04T05:06Z\""),
        ("ZonedDateTime.parse('2021-03-04T05:06:07.120Z').toString()", "String", "\"2021-03-04T05:06:07.120Z\""),
        ("ZonedDateTime.parse('2021-03-04T05:06:07+02:00').toString()", "String", "\"2021-03-04T05:06:07+02:00\""),
        ("ZonedDateTime.parse('2021-03-04T05:06:07+01:00[Europe/Paris]').toString()", "String", "\"2021-03-04T05:06:07+01:00[Europe/Paris]\""),
        ("ZonedDateTime.parse('2021-03-04T05:06:07Z').toInstant().toEpochMilli()", "long", "1614834367000"),
        ("ZonedDateTime.parse('2021-03-04T05:06:07Z').plusDays(30).toString()", "String", "\"2021-04-03T05:06:07Z\""),
        ("ZonedDateTime.parse('2021-01-31T00:00:00Z').plusMonths(1).getDayOfMonth()", "int", "28"),
        ("ZonedDateTime.parse('2021-03-04T05:06:07Z').plus(2, ChronoUnit.HOURS).getHour()", "int", "7"),
        ("ZonedDateTime.parse('2021-03-04T05:06:07Z').getDayOfWeek().getValue()", "int", "4"),
        ("ZonedDateTime.parse('2021-03-04T05:06:07Z').getDayOfWeek().toString()", "String", "\"THURSDAY\""),
        ("ZonedDateTime.parse('2021-03-04T05:06:07Z').withZoneSameInstant(ZoneId.of('Asia/Tokyo')).getHour()", "int", "14"),
        ("ZonedDateTime.parse('2021-03-04T05:06:07Z').format(DateTimeFormatter.ISO_LOCAL_DATE)", "String", "\"2021-03-04\""),
        ("ZonedDateTime.parse('2021-03-04T05:06:00Z').format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)", "String", "\"2021-03-04T05:06:00Z\""),
        ("ChronoUnit.DAYS.between(ZonedDateTime.parse('2021-03-01T00:00:00Z'), ZonedDateTime.parse('2021-03-04T12:00:00Z'))", "long", "3"),
        ("Instant.ofEpochMilli(0).toString()", "String", "\"1970-01-01T00:00:00Z\""),
        ("Instant.ofEpochMilli(1500).toString()", "String", "\"1970-01-01T00:00:01.500Z\""),
        ("Instant.parse('2021-03-04T05:06:07Z').getEpochSecond()", "long", "1614834367"),
        ("Instant.ofEpochSecond(10).atZone(ZoneOffset.UTC).getSecond()", "int", "10"),
        ("ZonedDateTime.ofInstant(Instant.ofEpochMilli(0), ZoneId.of('UTC')).toString()", "String", "\"1970-01-01T00:00Z[UTC]\""),
        ("Duration.between(Instant.ofEpochMilli(0), Instant.ofEpochMilli(90000)).toString()", "String", "\"PT1M30S\""),
        ("Duration.ofHours(2).toMinutes()", "long", "120"),
        ("ZonedDateTime.parse('2021-03-04T05:06:07Z').isBefore(ZonedDateTime.parse('2022-01-01T00:00:00Z'))", "boolean", "true"),
        // DayOfWeek and Month as classes (checked with JDK 17)
        ("ZonedDateTime.parse('2021-01-04T00:00:00Z').getDayOfWeek() == DayOfWeek.MONDAY", "boolean", "true"),
        ("DayOfWeek.SUNDAY.getValue()", "int", "7"),
        ("DayOfWeek.of(3).toString()", "String", "\"WEDNESDAY\""),
        ("DayOfWeek.MONDAY.plus(-8).toString()", "String", "\"SUNDAY\""),
        ("DayOfWeek.SATURDAY.plus(3L).toString()", "String", "\"TUESDAY\""),
        ("Month.of(12).minus(13).toString()", "String", "\"NOVEMBER\""),
        ("Month.valueOf('MAY').getValue()", "int", "5"),
        ("DayOfWeek.values().length", "int", "7"),
        ("Month.JANUARY.compareTo(Month.MARCH)", "int", "-2"),
        ("DayOfWeek.FRIDAY.ordinal()", "int", "4"),
        ("DayOfWeek.MONDAY instanceof DayOfWeek", "boolean", "true"),
        // java.util's skeleton classes (checked with JDK 17)
        ("def x = new ArrayList(); x instanceof AbstractList", "boolean", "true"),
        ("def x = Collections.unmodifiableList(new ArrayList()); x instanceof AbstractList", "boolean", "false"),
        ("def x = new LinkedList(); x instanceof AbstractSequentialList", "boolean", "true"),
        ("def x = new ArrayList(); x instanceof AbstractSequentialList", "boolean", "false"),
        ("def x = new HashSet(); x instanceof AbstractSet", "boolean", "true"),
        ("def x = new TreeMap(); x instanceof AbstractMap", "boolean", "true"),
        ("def x = new HashSet(); x instanceof AbstractCollection", "boolean", "true"),
        ("def x = new ArrayList(); x instanceof AbstractQueue", "boolean", "false"),
        ("def x = new HashMap(); x instanceof AbstractCollection", "boolean", "false"),
    ]);
}

#[test]
fn aliasing_and_ctx_mutation() {
    check(&[
        (
            "def arr = ctx.nested.arr; arr[0]['k'] = 'changed'; ctx.nested.arr[0].k",
            "String",
            "\"changed\"",
        ),
        (
            "def arr = ctx.nested.arr; arr[0].remove('k'); ctx.nested.arr[0]",
            "HashMap",
            "{}",
        ),
        ("def a = ctx.a; a.b = 'y'; ctx.a.b", "String", "\"y\""),
        ("ctx.a.b = null; ctx.a.containsKey('b')", "boolean", "true"),
        ("ctx.copy = ctx.a; ctx.copy.n = 2; ctx.a.n", "int", "2"),
        (
            "ctx['x'] = [:]; ctx.x.y = 1; ctx.x",
            "HashMap",
            "{\"y\": 1}",
        ),
        ("def l = ctx.list; l.add(4); ctx.list.size()", "int", "4"),
        (
            "ctx.list.removeIf(x -> x == 1); ctx.list",
            "ArrayList",
            "[2, 3]",
        ),
        ("params.p", "int", "10"),
        ("params['name']", "String", "\"bob\""),
        ("params.list[1]", "String", "\"b\""),
        ("params.missing", "null", "null"),
        ("ctx.a instanceof Map", "boolean", "true"),
        ("ctx.list instanceof List", "boolean", "true"),
        ("ctx.s instanceof String", "boolean", "true"),
        ("ctx.num instanceof Integer", "boolean", "true"),
        ("ctx.num instanceof Long", "boolean", "false"),
        ("ctx.f instanceof Double", "boolean", "true"),
        ("ctx.num instanceof Number", "boolean", "true"),
        ("ctx.nul instanceof Object", "boolean", "false"),
        ("ctx.a instanceof HashMap", "boolean", "true"),
        ("[1] instanceof ArrayList", "boolean", "true"),
        ("new TreeSet() instanceof Set", "boolean", "true"),
        ("5 instanceof def", "boolean", "true"),
        ("def x = 5; x instanceof int", "boolean", "true"),
        ("[1] instanceof Collection", "boolean", "true"),
        ("ctx.a.values() instanceof Collection", "boolean", "true"),
    ]);
}

#[test]
fn runtime_errors_with_positions() {
    check_err(&[
        // outside Painless's allowlist (java.lang.txt), though Java has them
        ("Math.floorMod(-1, 5)", "illegal_argument_exception", 4),
        ("Integer.sum(1, 2)", "illegal_argument_exception", 7),
        ("ctx.nope.b", "null_pointer_exception", 8),
        ("def x = null; x.foo()", "null_pointer_exception", 15),
        ("def x = null; x.length", "null_pointer_exception", 15),
        ("1 / 0", "arithmetic_exception", 0),
        ("int a = 1; int b = 0; a % b", "arithmetic_exception", 22),
        ("[1, 2][5]", "index_out_of_bounds_exception", 6),
        ("[1, 2].get(5)", "index_out_of_bounds_exception", 6),
        (
            "def a = new int[2]; a[2]",
            "array_index_out_of_bounds_exception",
            21,
        ),
        ("Integer.parseInt('x')", "number_format_exception", 7),
        ("Long.parseLong('')", "number_format_exception", 4),
        ("Double.parseDouble('abc')", "number_format_exception", 6),
        ("Double.parseDouble('0x1p')", "number_format_exception", 6),
        ("Float.parseFloat('1.2.3')", "number_format_exception", 5),
        (
            "'abc'.substring(5)",
            "string_index_out_of_bounds_exception",
            5,
        ),
        ("'abc'.charAt(3)", "string_index_out_of_bounds_exception", 5),
        (
            "throw new IllegalArgumentException('boom')",
            "illegal_argument_exception",
            0,
        ),
        (
            "throw new IllegalStateException('boom')",
            "illegal_state_exception",
            0,
        ),
        (
            "int x = 0;\nx = 1;\nthrow new RuntimeException('x')",
            "runtime_exception",
            18,
        ),
        ("def x = 'a'; x.foo()", "illegal_argument_exception", 14),
        ("def x = 'a'; x.bar", "illegal_argument_exception", 14),
        (
            "Collections.emptyList().add(2)",
            "unsupported_operation_exception",
            23,
        ),
        ("List.of(1)", "illegal_argument_exception", 4),
        ("new ArrayList(10)", "class_cast_exception", 0),
        ("def x = 'a'; int y = x", "class_cast_exception", 21),
        ("def x = 'a'; (Map) x", "class_cast_exception", 13),
        ("def x = [:]; x < 1", "class_cast_exception", 13),
        ("def x = null; x > 1", "null_pointer_exception", 14),
        ("def x = null; x + 1", "null_pointer_exception", 14),
        ("while (true) { }", "painless_error", 0),
        ("int i = 0; for (;;) { i++; }", "painless_error", 11),
        ("int f(int n) { f(n + 1) } f(0)", "stack_overflow_error", 15),
        ("def l = [1]; l.remove('x')", "class_cast_exception", 14),
        ("'a' ==~ null", "null_pointer_exception", 0),
        (
            "def m = [:]; for (x in m) {}",
            "illegal_argument_exception",
            23,
        ),
        (
            "[1,2].stream().map(x -> x / 0).count()",
            "arithmetic_exception",
            24,
        ),
        (
            "Collectors.toList().foo()",
            "illegal_argument_exception",
            19,
        ),
        (
            "ZonedDateTime.parse('nope')",
            "date_time_parse_exception",
            13,
        ),
        ("def x = 5; x.foo", "illegal_argument_exception", 12),
        ("boolean b = 'x'", "class_cast_exception", 12),
    ]);
}

#[test]
fn compile_errors_with_positions() {
    check_err(&[
        ("x + 1", "illegal_argument_exception", 0),
        ("int x = 1; y", "illegal_argument_exception", 11),
        ("1 +", "illegal_argument_exception", 3),
        ("def x = ;", "illegal_argument_exception", 8),
        ("if (true { }", "illegal_argument_exception", 9),
        ("'unterminated", "illegal_argument_exception", 0),
        ("foo(1)", "illegal_argument_exception", 0),
        ("int x = 1; int x = 2;", "illegal_argument_exception", 15),
        ("break;", "illegal_argument_exception", 0),
        ("new Foo()", "illegal_argument_exception", 4),
        ("'a\\nb'", "illegal_argument_exception", 2),
        ("1 = 2", "illegal_argument_exception", 0),
        (
            "int f() { 1 } int f() { 2 } f()",
            "illegal_argument_exception",
            14,
        ),
        ("def x = 1 # 2", "illegal_argument_exception", 10),
        ("ctx.a.b.", "illegal_argument_exception", 8),
    ]);
}

#[test]
fn error_messages() {
    check_msg(&[
        ("ctx.nope.b", "null_pointer_exception", "cannot access method/field [b] from a null def reference"),
        ("def x = null; x.trim()", "null_pointer_exception", "cannot access method/field [trim] from a null def reference"),
        ("1 / 0", "arithmetic_exception", "/ by zero"),
        ("[1, 2][5]", "index_out_of_bounds_exception", "Index 5 out of bounds for length 2"),
        ("Integer.parseInt('x')", "number_format_exception", "For input string: \"x\""),
        ("while (true) {}", "painless_error", "The maximum number of statements that can be executed in a loop has been reached."),
        ("x", "illegal_argument_exception", "cannot resolve symbol [x]"),
        // ENewObj's message for a name that is no type
        ("new foo()", "illegal_argument_exception", "Not a type [foo]."),
        ("'a'.foo()", "illegal_argument_exception", "dynamic method [java.lang.String, foo/0] not found"),
        ("'a,b'.split(',')", "illegal_argument_exception", "dynamic method [java.lang.String, split/1] not found"),
        ("'a'.repeat(2)", "illegal_argument_exception", "dynamic method [java.lang.String, repeat/1] not found"),
        // Painless has no varargs: format takes a def[] (elastic/elasticsearch#28696)
        ("String.format('%d', 10)", "class_cast_exception", "Cannot cast from [int] to [def[]]."),
        ("'a'.matches('a')", "illegal_argument_exception", "dynamic method [java.lang.String, matches/1] not found"),
        ("def m = [:]; m.foo(1, 2)", "illegal_argument_exception", "dynamic method [java.util.HashMap, foo/2] not found"),
        ("def x = 5; x.foo", "illegal_argument_exception", "dynamic getter [java.lang.Integer, foo] not found"),
        ("def x = 'a'; (Map) x", "class_cast_exception", "class java.lang.String cannot be cast to class java.util.Map (java.lang.String and java.util.Map are in module java.base of loader 'bootstrap')"),
        ("def x = [:]; x + 1", "class_cast_exception", "Cannot apply [+] operation to types [java.util.HashMap] and [java.lang.Integer]."),
        ("(int) 'ab'", "class_cast_exception", "cannot explicitly cast def [java.lang.String] to int"),
        ("def x = 'a'; int y = x", "class_cast_exception", "cannot implicitly cast def [java.lang.String] to int"),
        ("def x = 5L; int y = x", "class_cast_exception", "cannot implicitly cast def [long] to int"),
        // Def.defToboolean: no "implicitly"; a null fails on value.getClass()
        ("def x = 'x'; if (x) { 1 }", "class_cast_exception", "cannot cast def [java.lang.String] to boolean"),
        ("def x = 5; return !x", "class_cast_exception", "cannot cast def [int] to boolean"),
        ("def x = null; if (x) { 1 }", "null_pointer_exception", "Cannot invoke \"Object.getClass()\" because \"value\" is null"),
        ("def x = null; int y = x", "null_pointer_exception", "Cannot invoke \"Object.getClass()\" because \"value\" is null"),
        ("'abc'[0]", "illegal_argument_exception", "Attempting to address a non-array-like type [java.lang.String] as an array."),
        ("throw new IllegalArgumentException('boom')", "illegal_argument_exception", "boom"),
        ("foo(1)", "illegal_argument_exception", "Unknown call [foo] with [1] arguments."),
        ("def l = [1, 2]; l.foo", "illegal_argument_exception", "Illegal list shortcut value [foo]."),
    ]);
}

#[test]
fn conditions_are_read_only() {
    use ingest_emu::painless::Script;
    use ingest_emu::value::{Map, Value};
    let ctx = match Value::from_json_str(CTX).expect("ctx") {
        Value::Map(m) => m,
        _ => unreachable!(),
    };
    let cases: &[(&str, Result<bool, &str>)] = &[
        ("ctx.a.b == 'x'", Ok(true)),
        ("ctx?.a?.missing == null", Ok(true)),
        ("ctx.list.contains(2)", Ok(true)),
        ("ctx.list.size() == 3", Ok(true)),
        ("ctx.list.length == 3", Ok(true)),
        ("ctx.tags.contains('preserve_original_event')", Ok(true)),
        ("ctx.nested.arr[0].k == 'v1'", Ok(true)),
        (
            "ctx.nested.arr.stream().anyMatch(x -> x.k == 'v2')",
            Ok(true),
        ),
        ("['hello', 'y'].contains(ctx.s)", Ok(true)),
        ("ctx.s.startsWith('he')", Ok(true)),
        ("ctx.a.keySet().contains('n')", Ok(true)),
        (
            "def n = 0; for (e in ctx.a.entrySet()) { n++ } n == 2",
            Ok(true),
        ),
        ("ctx.a instanceof Map", Ok(true)),
        ("ctx.containsKey('num')", Ok(true)),
        ("ctx.num > 4 && ctx.f < 2", Ok(true)),
        (
            "ctx.a.b = 'y'; true",
            Err("unsupported_operation_exception"),
        ),
        (
            "ctx.list.add(1); true",
            Err("unsupported_operation_exception"),
        ),
        (
            "ctx.remove('a'); true",
            Err("unsupported_operation_exception"),
        ),
        (
            "ctx.a.values().removeIf(v -> true); true",
            Err("unsupported_operation_exception"),
        ),
        (
            "ctx.list[0] = 5; true",
            Err("unsupported_operation_exception"),
        ),
        (
            "ctx.a.entrySet().iterator().next().setValue(1); true",
            Err("unsupported_operation_exception"),
        ),
        ("ctx.s", Err("class_cast_exception")),
        ("ctx.missing", Err("null_pointer_exception")),
        ("def l = new ArrayList(); l.add(1); l.size() == 1", Ok(true)),
        (
            "def l = new ArrayList(ctx.list); l.add(1); l.size() == 4",
            Ok(true),
        ),
    ];
    let mut failures = Vec::new();
    for (src, want) in cases {
        let s = Script::compile(src, &Map::new()).expect("compile");
        let got = s.execute_condition(&ctx).map_err(|e| e.cause_type());
        let ok = match (want, &got) {
            (Ok(b), Ok(g)) => b == g,
            (Err(t), Err(g)) => t == g,
            _ => false,
        };
        if !ok {
            failures.push(format!("{src}: want {want:?} got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // the document is untouched
    let again = match Value::from_json_str(CTX).expect("ctx") {
        Value::Map(m) => m,
        _ => unreachable!(),
    };
    assert_eq!(ctx, again);
}

#[test]
fn error_json_shape() {
    let got = run("int x = 1;\nctx.nope.foo = x;");
    let err = &got["error"];
    assert_eq!(err["type"], json!("script_exception"));
    assert_eq!(err["reason"], json!("runtime error"));
    assert_eq!(err["lang"], json!("painless"));
    assert_eq!(err["script"], json!("int x = 1;\nctx.nope.foo = x;"));
    assert_eq!(
        err["script_stack"],
        json!(["ctx.nope.foo = x;", "        ^---- HERE"])
    );
    assert_eq!(
        err["position"],
        json!({"offset": 19, "start": 11, "end": 28})
    );
    assert_eq!(err["caused_by"]["type"], json!("null_pointer_exception"));
    let got = run("def x = 1 +");
    let err = &got["error"];
    assert_eq!(err["reason"], json!("compile error"));
    assert_eq!(
        err["caused_by"]["type"],
        json!("illegal_argument_exception")
    );
    assert_eq!(err["script_stack"][1], json!("           ^---- HERE"));
}

#[test]
fn base64_and_bytes() {
    check(&[
        ("Base64.getDecoder().decode('aGVsbG8=').length", "int", "5"),
        ("Base64.getEncoder().encodeToString(Base64.getDecoder().decode('aGVsbG8='))", "String", "\"aGVsbG8=\""),
        ("Base64.getUrlEncoder().encodeToString(Base64.getDecoder().decode('Pz8+'))", "String", "\"Pz8-\""),
        ("'abc'.sha512()", "String", "\"ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f\""),
        ("Processors.lowercase('ABC')", "String", "\"abc\""),
        ("Processors.uppercase('abc')", "String", "\"ABC\""),
        ("Processors.bytes('1kb')", "long", "1024"),
        ("Processors.urlDecode('a%20b+c')", "String", "\"a b c\""),
        (
            "Processors.json('{\"a\": [1, 2.5]}')",
            "HashMap",
            "{\"a\": [1, 2.5]}",
        ),
    ]);
    check_err(&[(
        "Base64.getDecoder().decode('a-b')",
        "illegal_argument_exception",
        19,
    )]);
}

#[test]
fn ingest_metadata() {
    use ingest_emu::painless::Script;
    use ingest_emu::value::{Map, Value};
    let mut ctx = Map::new();
    ctx.insert("_index", Value::from("idx"));
    ctx.insert("_id", Value::from("1"));
    ctx.insert("_version", Value::Long(3));
    let s = Script::compile(
        "ctx.seen = metadata().getIndex() + '/' + metadata().getId() + '/' + metadata().getVersion(); metadata().setIndex('other')",
        &Map::new(),
    )
    .expect("compile");
    s.execute_ingest(&mut ctx).expect("run");
    assert_eq!(ctx.get("seen"), Some(&Value::from("idx/1/3")));
    assert_eq!(ctx.get("_index"), Some(&Value::from("other")));
}

#[test]
fn hostile_scripts_fail_cleanly() {
    let deep = format!("{}1{}", "(".repeat(10_000), ")".repeat(10_000));
    assert_eq!(run(&deep)["error"]["reason"], json!("compile error"));
    let neg = format!("{}1", "-".repeat(10_000));
    assert_eq!(run(&neg)["error"]["reason"], json!("compile error"));
    let blocks = format!("{}{}", "{".repeat(10_000), "}".repeat(10_000));
    assert_eq!(run(&blocks)["error"]["reason"], json!("compile error"));
    let list = format!("{}1{}", "[".repeat(10_000), "]".repeat(10_000));
    assert_eq!(run(&list)["error"]["reason"], json!("compile error"));
    // moderately deep nesting is fine
    let ok = format!("{}1{}", "(".repeat(25), ")".repeat(25));
    assert_eq!(run(&ok)["value"], json!(1));
}

#[test]
fn long_elvis_chain_fails_cleanly() {
    let chain = format!("{}1", "null ?: ".repeat(10_000));
    assert_eq!(run(&chain)["error"]["reason"], json!("compile error"));
    assert_eq!(run("null ?: null ?: 3")["value"], json!(3));
}

#[test]
fn errors_name_line_and_column() {
    use ingest_emu::painless::Script;
    use ingest_emu::value::Map;
    let e = Script::compile("int x = 1;\nint y = ;", &Map::new()).unwrap_err();
    assert_eq!(e.line_col(), Some((2, 9)));
    assert!(
        e.to_string()
            .starts_with("compile error at line 2, column 9: illegal_argument_exception"),
        "{e}"
    );
    let s = Script::compile("def a = [:];\n\n  a.b.c = 1", &Map::new()).expect("compile");
    let e = s.execute_ingest(&mut Map::new()).unwrap_err();
    assert_eq!(e.line_col(), Some((3, 6)));
    assert_eq!(
        e.message(),
        "cannot access method/field [c] from a null def reference"
    );
}

#[test]
fn odd_inputs_do_not_panic() {
    for s in [
        "'\\é'",
        "'\\",
        "\"abc",
        "/abc",
        "int f(int a) { a } [1].stream().map(this::f).collect(Collectors.toList())",
        "int f(int a, int b) { a } [1].stream().map(this::f).count()",
        "'é'.substring(0, 1)",
        "'😀'.charAt(1)",
        "'😀x'.indexOf('x')",
        "/😀/.matcher('a😀b').find()",
        "def m = /(.)/.matcher('é'); m.find(); m.group(1) + m.start(1) + m.end()",
        "String.format('%')",
        "String.format('%5')",
        "String.format('%d', 'x')",
        "String.format('%s %s', 1)",
        "Integer.parseInt('١٢')",
        "Double.parseDouble('1e')",
        "ZonedDateTime.parse('2020-13-45T99:99:99Z')",
        "Instant.ofEpochMilli(Long.MAX_VALUE)",
        "new int[-1]",
        "def a = new int[0]; a[0]",
        "'abc'.splitOnToken('')",
        "Base64.getDecoder().decode('@@@')",
        "'x'.compareTo(null)",
        "[3, 'a'].stream().sorted().count()",
        "new TreeSet([1, 'a'])",
        "def m = new TreeMap(); m.put(null, 1)",
        "Math.floorMod(1, 0)",
        "Long.MIN_VALUE / -1L",
        "(int) Double.NaN",
        "Character.toUpperCase(0x10FFFF)",
        "'abc'.substring(-1)",
        "'a\\'b'.length()",
        "String.format('%d', new def[] {Long.MIN_VALUE})",
        "Processors.bytes('9999999999999pb')",
        "ZonedDateTime.parse('2021-01-01T00:00:00Z').plusYears(Long.MAX_VALUE)",
        "ZonedDateTime.parse('2021-01-01T00:00:00Z').minusDays(Long.MIN_VALUE)",
        "ZonedDateTime.parse('2021-01-01T00:00:00Z').plus(Long.MAX_VALUE, ChronoUnit.CENTURIES)",
        "Instant.ofEpochMilli(0).plusSeconds(Long.MAX_VALUE)",
        "ZoneOffset.ofHours(Integer.MAX_VALUE)",
        "Duration.ofDays(Long.MAX_VALUE).toString()",
        "Instant.ofEpochSecond(Long.MAX_VALUE)",
        "Math.abs(Long.MIN_VALUE)",
        "Math.floorDiv(Long.MIN_VALUE, -1L)",
        "Math.floorMod(Long.MIN_VALUE, -1L)",
        "Integer.MIN_VALUE % -1",
        "Long.MIN_VALUE % -1L",
        "-Long.MIN_VALUE",
        "Math.round(1e300)",
        "(char) -1",
        "Integer.toString(Integer.MIN_VALUE, 2)",
        "Long.toString(Long.MIN_VALUE, 16)",
        "'abc'.substring(2, 1)",
        "'abc'.indexOf('', 99)",
        "'abc'.lastIndexOf('c', -5)",
        "new StringBuilder('ab').insert(9, 'x')",
        "new StringBuilder('ab').setLength(-1)",
        "ctx.list.subList(2, 1)",
        "[1,2].subList(-1, 1)",
        "Collections.nCopies(-1, 'x')",
        "ZonedDateTime.of(2021, 13, 1, 0, 0, 0, 0, ZoneOffset.UTC)",
        "Instant.parse('garbage')",
        "ZoneId.of('Not/AZone')",
    ] {
        // any result or error is fine; the interpreter must not panic
        let _ = run(s);
    }
}

#[test]
fn random_token_soup_never_panics() {
    const TOKENS: &[&str] = &[
        "ctx",
        ".",
        "?.",
        "a",
        "b",
        "list",
        "[",
        "]",
        "(",
        ")",
        "{",
        "}",
        "0",
        "1",
        "-1",
        "2.5",
        "'s'",
        "\"t\"",
        "+",
        "-",
        "*",
        "/",
        "%",
        "==",
        "!=",
        "<",
        ">",
        "&&",
        "||",
        "!",
        "?",
        ":",
        "?:",
        "=",
        "+=",
        "++",
        ";",
        ",",
        "def",
        "int",
        "x",
        "y",
        "if",
        "else",
        "for",
        "while",
        "return",
        "new",
        "ArrayList",
        "HashMap",
        "->",
        "::",
        "size",
        "length",
        "contains",
        "null",
        "true",
        "instanceof",
        "Map",
        "List",
        "String",
        "(int)",
        "<<",
        ">>>",
        "&",
        "|",
        "^",
        "~",
        "=~",
        "==~",
        "/a/",
        "try",
        "catch",
        "Exception",
        "e",
        "throw",
        "break",
        "continue",
        "in",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..3000 {
        let len = (next() % 12 + 1) as usize;
        let script: Vec<&str> = (0..len)
            .map(|_| TOKENS[(next() % TOKENS.len() as u64) as usize])
            .collect();
        let script = script.join(" ");
        let r = std::panic::catch_unwind(|| run(&script));
        assert!(r.is_ok(), "panicked on: {script}");
    }
}

#[test]
fn dates_stored_in_documents_use_xcontent_format() {
    use ingest_emu::painless::Script;
    use ingest_emu::value::{Map, Value};
    let mut ctx = Map::new();
    let s = Script::compile(
        "ctx.a = ZonedDateTime.parse('2021-03-04T05:06:07Z'); ctx.b = Instant.ofEpochMilli(1500); ctx.c = ZonedDateTime.parse('2021-03-04T05:06:07.123456+02:00')",
        &Map::new(),
    )
    .expect("compile");
    s.execute_ingest(&mut ctx).expect("run");
    // the objects stay what they are in the document (IngestDocument keeps them) ...
    let class = |k: &str| ctx.get(k).map(Value::java_class_name);
    assert_eq!(class("a"), Some("java.time.ZonedDateTime"));
    assert_eq!(class("b"), Some("java.time.Instant"));
    // ... and XContent prints them with strict_date_optional_time_nanos
    let json = |k: &str| ctx.get(k).map(Value::to_json);
    assert_eq!(json("a").as_deref(), Some(r#""2021-03-04T05:06:07.000Z""#));
    assert_eq!(json("b").as_deref(), Some(r#""1970-01-01T00:00:01.500Z""#));
    assert_eq!(
        json("c").as_deref(),
        Some(r#""2021-03-04T05:06:07.123456+02:00""#)
    );
}

#[test]
fn ingest_timestamp_is_a_zoned_date_time_and_copies_stay_one() {
    use ingest_emu::pipeline::{new_document, Registry, Services};
    use ingest_emu::value::{Map, Value};
    let yaml = r#"
processors:
  - set: {field: event.ingested, copy_from: _ingest.timestamp}
  - set: {field: text, value: '{{{_ingest.timestamp}}}'}
  - script:
      source: |
        ZonedDateTime t = ctx.event.ingested;
        ctx.is_zdt = ctx.event.ingested instanceof ZonedDateTime;
        ctx.later = t.plusHours(1).isAfter(t);
        ctx.same_text = ctx.text == t.toString();
  - set: {field: cond, value: true, if: ctx.event.ingested instanceof ZonedDateTime}
"#;
    let def = ingest_emu::pipeline::Definition::from_text("p", None, yaml).expect("valid YAML");
    let (registry, errors) = Registry::build(&[def], std::sync::Arc::new(Services::default()));
    assert!(errors.is_empty(), "{errors:?}");
    let mut doc = new_document(Map::new(), vec![]);
    registry.execute("p", &mut doc).expect("runs");
    let source = doc.source();
    assert_eq!(
        source
            .get("event")
            .and_then(|e| e.as_map())
            .and_then(|e| e.get("ingested"))
            .map(Value::java_class_name),
        Some("java.time.ZonedDateTime")
    );
    for key in ["is_zdt", "later", "same_text", "cond"] {
        assert_eq!(source.get(key), Some(&Value::Bool(true)), "{key}");
    }
}

#[test]
fn realistic_integration_scripts() {
    use ingest_emu::painless::Script;
    use ingest_emu::value::{Map, Value};
    let doc = r#"{"event": {"created": 1614834367000, "category": "network"}, "source": {"bytes": 10, "ip": "1.2.3.4"},
      "destination": {"bytes": 32}, "tags": null, "labels": {"a b": "1", "c": ""}, "msg": "k1=v1;k2=v2;;k3=",
      "arr": ["x", "", null, "y"], "user": {"name": "  Bob  "}}"#;
    let scripts: &[(&str, &str)] = &[
        (
            "ctx.network = ['bytes': ctx.source.bytes + ctx.destination.bytes]",
            r#"{"bytes":42}"#,
        ),
        (
            "ctx['@timestamp'] = ZonedDateTime.ofInstant(Instant.ofEpochMilli(ctx.event.created), ZoneOffset.UTC).format(DateTimeFormatter.ISO_INSTANT)",
            r#""2021-03-04T05:06:07Z""#,
        ),
        (
            "if (ctx.event.category instanceof String) { ctx.event.category = [ctx.event.category]; } ctx.event.category",
            r#"["network"]"#,
        ),
        (
            "if (ctx.tags == null) { ctx.tags = new ArrayList(); } ctx.tags.add('processed'); ctx.tags",
            r#"["processed"]"#,
        ),
        (
            "def kv = [:]; for (def part : ctx.msg.splitOnToken(';')) { if (part == '') continue; def p = part.splitOnToken('=', 2); kv[p[0]] = p.length > 1 ? p[1] : null; } ctx.kv = kv; kv.size()",
            "3",
        ),
        (
            "ctx.arr.removeIf(x -> x == null || x == ''); ctx.arr",
            r#"["x","y"]"#,
        ),
        (
            "ctx.user.name = ctx.user.name.trim().toLowerCase(); ctx.user.name",
            r#""bob""#,
        ),
        (
            "def out = [:]; for (def e : ctx.labels.entrySet()) { if (e.getValue() != '') { out[e.getKey().replace(' ', '_')] = e.getValue(); } } ctx.labels = out; out",
            r#"{"a_b":"1"}"#,
        ),
        (
            "def ip = ctx.source.ip; if (ip =~ /^\\d+\\.\\d+\\.\\d+\\.\\d+$/) { ctx.source.ip_version = 4; } ctx.source.ip_version",
            "4",
        ),
        (
            "long ms = ctx.event.created; ctx.event.duration = (ms % 1000) * 1000000L; ctx.event.duration instanceof Long",
            "true",
        ),
        (
            "String s = String.valueOf(ctx.source.bytes); s.length() > 1 ? s : '0' + s",
            r#""10""#,
        ),
        (
            "def parts = 'a.b.c'.splitOnToken('.'); String.join('/', Arrays.asList(parts))",
            r#""a/b/c""#,
        ),
        (
            "Math.round(ctx.destination.bytes / 3.0 * 100) / 100.0",
            "10.67",
        ),
        (
            "ctx.entrySet().stream().filter(e -> e.getKey().startsWith('s')).map(e -> e.getKey()).sorted().collect(Collectors.toList())",
            r#"["source"]"#,
        ),
    ];
    let mut failures = Vec::new();
    for (src, want) in scripts {
        let mut ctx = match Value::from_json_str(doc).expect("doc") {
            Value::Map(m) => m,
            _ => unreachable!(),
        };
        let script = Script::compile(src, &Map::new()).expect("compile");
        match script.evaluate(&mut ctx) {
            Ok(ev) => {
                let want = Value::from_json_str(want).expect("want");
                if ev.value != want {
                    failures.push(format!("{src}\n  want {want:?}\n  got  {:?}", ev.value));
                }
            }
            Err(e) => failures.push(format!("{src}\n  error {}", e.to_es_json())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn runaway_regex_is_an_error_not_a_hang_or_panic() {
    let got = run("'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' ==~ /(a+)+b/");
    assert_eq!(
        got["error"]["caused_by"]["type"],
        json!("circuit_breaking_exception"),
        "{got}"
    );
    let got = run("/a(b)?/.matcher('ac').lookingAt()");
    assert_eq!(got["value"], json!(true));
}

#[test]
fn bad_radix_is_an_error_not_a_panic() {
    for s in [
        "Integer.parseInt('1', 99)",
        "Integer.parseInt('1', 0)",
        "Long.parseLong('1', 40)",
        "Character.digit('1'.charAt(0), 99)",
        "Integer.toString(5, 99)",
    ] {
        let _ = run(s);
    }
}

#[test]
fn api_surface_never_panics() {
    let receivers = [
        "'abc'",
        "''",
        "5",
        "5L",
        "2.5",
        "2.5f",
        "true",
        "(char) 'x'",
        "[1, 'a', null]",
        "[:]",
        "['k': 1, 'j': [2]]",
        "new TreeSet(['a', 'b'])",
        "new HashSet([1])",
        "new int[2]",
        "/a(b)?/",
        "/a/.matcher('aab')",
        "['a': 1].entrySet().iterator().next()",
        "['a': 1].keySet()",
        "['a': 1].values()",
        "[1, 2].iterator()",
        "[1, 2].stream()",
        "Optional.of(1)",
        "Optional.empty()",
        "new StringBuilder('x')",
        "ZonedDateTime.parse('2021-01-01T00:00:00Z')",
        "Instant.ofEpochMilli(5)",
        "ChronoUnit.DAYS",
        "Duration.ofSeconds(61)",
        "ZoneId.of('Europe/Paris')",
        "field('a.b')",
        "Collectors.toList()",
        "x -> x",
        "ctx",
        "ctx.a",
        "ctx.list",
        "metadata()",
        "Base64.getDecoder()",
        "new IllegalArgumentException('m')",
    ];
    let methods = [
        "length",
        "size",
        "isEmpty",
        "charAt",
        "substring",
        "indexOf",
        "lastIndexOf",
        "contains",
        "startsWith",
        "endsWith",
        "toLowerCase",
        "replace",
        "splitOnToken",
        "compareTo",
        "equals",
        "hashCode",
        "toString",
        "get",
        "set",
        "add",
        "remove",
        "put",
        "containsKey",
        "keySet",
        "values",
        "entrySet",
        "removeIf",
        "sort",
        "stream",
        "map",
        "filter",
        "collect",
        "forEach",
        "iterator",
        "next",
        "hasNext",
        "getKey",
        "getValue",
        "setValue",
        "group",
        "find",
        "matches",
        "start",
        "end",
        "replaceAll",
        "split",
        "matcher",
        "intValue",
        "doubleValue",
        "append",
        "plus",
        "minus",
        "between",
        "getYear",
        "format",
        "toEpochMilli",
        "atZone",
        "exists",
        "transform",
        "getIndex",
        "decode",
        "getMessage",
        "subList",
        "addAll",
        "join",
        "sum",
        "any",
        "first",
        "last",
        "orElse",
        "getByPath",
        "merge",
        "compute",
        "apply",
        "reduce",
        "sorted",
        "min",
        "max",
        "count",
        "limit",
        "skip",
        "getLength",
        "codePointAt",
        "namedGroup",
        "reversed",
        "toMillis",
        "getId",
    ];
    let args = [
        "",
        "null",
        "1",
        "-1",
        "'a'",
        "1, 2",
        "'a', 1",
        "x -> x",
        "(a, b) -> 0",
        "[1]",
        "99, 99",
        "-5, 2",
        "1, 2, 3",
    ];
    let mut n = 0;
    for r in receivers {
        for m in methods {
            for a in args {
                let script = format!("def r = {r}; r.{m}({a})");
                let res = std::panic::catch_unwind(|| run(&script));
                assert!(res.is_ok(), "panicked on: {script}");
                n += 1;
            }
        }
    }
    assert!(n > 10_000);
}

#[test]
fn memory_hogs_fail_cleanly() {
    for s in [
        "new int[2000000000]",
        "new int[100000][100000]",
        "Collections.nCopies(2000000000, 'x')",
        "def l = [1]; for (int i = 0; i < 40; i++) { l.addAll(l); } l.size()",
        "String s = 'x'; for (int i = 0; i < 40; i++) { s += s; } s.length()",
        "def sb = new StringBuilder('x'); for (int i = 0; i < 40; i++) { sb.append(sb.toString()); } 1",
        "String.format('%999999999d', new def[] {1})",
    ] {
        let got = run(s);
        assert_eq!(got["error"]["caused_by"]["type"], json!("out_of_memory_error"), "{s}: {got}");
    }
}

#[test]
fn ctx_iterates_source_then_metadata() {
    use ingest_emu::painless::Script;
    use ingest_emu::value::{Map, Value};
    let mut ctx = Map::new();
    // "_id" hashes into an early bucket of a combined map; CtxMap still lists it last
    ctx.insert("_index", Value::from("i"));
    ctx.insert("_id", Value::from("1"));
    ctx.insert("zeta", Value::Int(1));
    ctx.insert("alpha", Value::Int(2));
    let s = Script::compile(
        "def out = []; for (def k : ctx.keySet()) { out.add(k) } out",
        &Map::new(),
    )
    .expect("compile");
    let got = s.evaluate(&mut ctx.clone()).expect("run").value;
    assert_eq!(got.to_json(), r#"["zeta","alpha","_index","_id"]"#);
    let c = Script::compile("def out = []; for (def k : ctx.keySet()) { out.add(k) } out[0] == 'zeta' && out[3] == '_id'", &Map::new()).expect("compile");
    assert!(c.execute_condition(&ctx).expect("run"));
}

#[test]
fn ctx_metadata_writes_are_validated() {
    use ingest_emu::painless::Script;
    use ingest_emu::value::{Map, Value};
    let mut base = Map::new();
    base.insert("_index", Value::from("i"));
    base.insert("_id", Value::from("1"));
    base.insert("_version", Value::Long(1));
    base.insert("f", Value::Int(1));
    let cases: &[(&str, Result<(), &str>)] = &[
        ("ctx._index = 'other'", Ok(())),
        ("ctx._id = null", Ok(())),
        ("ctx._routing = 'r'", Ok(())),
        ("ctx._version = 5", Ok(())),
        ("ctx.remove('_id')", Ok(())),
        ("ctx.remove('f')", Ok(())),
        ("ctx._index = 5", Err("_index [5] is wrong type, expected assignable to [java.lang.String], not [java.lang.Integer]")),
        ("ctx._version = null", Err("_version cannot be null")),
        ("ctx.remove('_version')", Err("_version cannot be removed")),
        ("ctx._version = 1.5", Err("_version may only be set to an int or a long but was [1.5] with type [java.lang.Double]")),
        ("ctx._version_type = 'bogus'", Err("_version_type must be a null or one of [internal, external, external_gte] but was [bogus] with type [java.lang.String]")),
        ("ctx._if_seq_no = 'x'", Err("_if_seq_no [x] is wrong type, expected assignable to [java.lang.Number], not [java.lang.String]")),
    ];
    for (src, want) in cases {
        let s = Script::compile(src, &Map::new()).expect("compile");
        let got = s.execute_ingest(&mut base.clone()).map_err(|e| e.message());
        match (want, &got) {
            (Ok(()), Ok(())) => {}
            (Err(w), Err(g)) => assert_eq!(w, g, "{src}"),
            _ => panic!("{src}: want {want:?} got {got:?}"),
        }
    }
}

#[test]
fn changes_before_a_failure_stay_in_the_document() {
    use ingest_emu::painless::Script;
    use ingest_emu::value::{Map, Value};
    let s = Script::compile("ctx.a = 1; ctx.b.c = 2", &Map::new()).expect("compile");
    let mut ctx = Map::new();
    let e = s.execute_ingest(&mut ctx).unwrap_err();
    assert_eq!(e.cause_type(), "null_pointer_exception");
    assert_eq!(ctx.get("a"), Some(&Value::Int(1)));
}

#[test]
fn modifying_while_iterating_fails_fast_like_java() {
    check(&[
        // removal during the second-to-last element ends the loop early (ArrayList quirk)
        ("def l = [1, 2, 3]; def seen = []; for (x in l) { seen.add(x); if (x == 2) l.remove(0); } seen", "ArrayList", "[1, 2]"),
        // removal of the last key of a map does not throw
        ("def m = new LinkedHashMap(); m.a = 1; m.b = 2; for (k in m.keySet()) { if (k == 'b') m.remove(k); } m", "LinkedHashMap", "{\"a\": 1}"),
        ("def l = [1, 2]; for (x in l) { l.set(1, 5); } l", "ArrayList", "[1, 5]"),
        ("def l = [1, 2, 3]; def out = []; for (x in l) { if (x == 1) l.set(2, 9); out.add(x); } out", "ArrayList", "[1, 2, 9]"),
    ]);
    check_err(&[
        (
            "def l = [1, 2, 3]; for (x in l) { if (x == 1) l.remove(0); }",
            "concurrent_modification_exception",
            19,
        ),
        (
            "def l = [1, 2]; for (x in l) { l.add(3); }",
            "concurrent_modification_exception",
            16,
        ),
        (
            "def m = new LinkedHashMap(); m.a = 1; m.b = 2; for (k in m.keySet()) { m.remove(k); }",
            "concurrent_modification_exception",
            47,
        ),
        (
            "def s = new TreeSet(['a', 'b']); for (x in s) { s.add('c'); }",
            "concurrent_modification_exception",
            33,
        ),
    ]);
}

#[test]
fn getter_shortcuts_on_objects() {
    check(&[
        (
            "ZonedDateTime.parse('2021-03-04T05:06:07Z').year",
            "int",
            "2021",
        ),
        (
            "ZonedDateTime.parse('2021-03-04T05:06:07Z').dayOfMonth",
            "int",
            "4",
        ),
        ("Instant.ofEpochMilli(5).epochSecond", "long", "0"),
        (
            "def e = ['a': 1].entrySet().iterator().next(); e.key + e.value",
            "String",
            "\"a1\"",
        ),
        ("Optional.empty().present", "boolean", "false"),
    ]);
    check_msg(&[(
        "ZonedDateTime.parse('2021-03-04T05:06:07Z').nope",
        "illegal_argument_exception",
        "dynamic getter [java.time.ZonedDateTime, nope] not found",
    )]);
}

#[test]
fn more_collection_methods() {
    check(&[
        ("def l = [1, 4]; l.addAll(1, [2, 3]); l", "ArrayList", "[1, 2, 3, 4]"),
        ("def out = []; def it = [1, 2, 3].iterator(); it.next(); it.forEachRemaining(x -> out.add(x)); out", "ArrayList", "[2, 3]"),
        ("[1, 2, 3].findResults(x -> x > 1 ? x * 10 : null)", "ArrayList", "[20, 30]"),
        ("[1, 2].findResult('none', x -> x > 5 ? x : null)", "String", "\"none\""),
        ("Optional.of(3).orElseThrow(() -> new IllegalStateException('x'))", "int", "3"),
    ]);
    check_msg(&[(
        "Optional.empty().orElseThrow(() -> new IllegalStateException('missing'))",
        "illegal_state_exception",
        "missing",
    )]);
}

#[test]
fn json_helper() {
    check(&[
        (
            "Json.load('{\"b\": 1, \"a\": [true, null, 1.5]}')",
            "HashMap",
            "{\"a\": [true, null, 1.5], \"b\": 1}",
        ),
        ("Json.load('[1, 2]')", "ArrayList", "[1, 2]"),
        (
            "Json.dump(['b': 1, 'a': [1, 'x', null, 2.0]])",
            "String",
            "\"{\\\"a\\\":[1,\\\"x\\\",null,2.0],\\\"b\\\":1}\"",
        ),
        ("Json.dump('s')", "String", "\"\\\"s\\\"\""),
    ]);
}

#[test]
fn array_covariance() {
    check(&[
        ("Object[] o = 'a,b'.splitOnToken(','); o.length", "int", "2"),
        ("def[] d = new String[] {'x'}; d[0]", "String", "\"x\""),
        (
            "String[] s = 'a,b'.splitOnToken(','); s[1]",
            "String",
            "\"b\"",
        ),
    ]);
    check_err(&[("Object[] o = new int[2]", "class_cast_exception", 13)]);
}

/// Painless regexes are `java.util.regex` patterns: ASCII `\w \d \s`, ASCII-only `i` folding,
/// `.` stopping at every Java line terminator, and the `u`/`U` flags widening them. Each answer
/// checked against JDK 17 (one noted exception).
#[test]
fn regex_literals_follow_java_regex_semantics() {
    // Painless string literals have no `\\u` escape: the inputs hold the characters themselves
    let cases: &[(&str, serde_json::Value)] = &[
        (
            "/\\w+/.matcher('h\u{e9}llo').replaceAll('X')",
            json!("X\u{e9}X"),
        ),
        ("/\\u00e9/i.matcher('\u{c9}').find()", json!(false)),
        ("/\\u00e9/iu.matcher('\u{c9}').find()", json!(true)),
        ("/a.b/.matcher('a\rb').find()", json!(false)),
        ("/\\s/.matcher('\u{a0}').find()", json!(false)),
        ("/\\d/.matcher('\u{663}').find()", json!(false)),
        ("/(?U)\\d/.matcher('\u{663}').find()", json!(true)),
        ("/a$/.matcher('a\n').find()", json!(true)),
        // JDK 19+ (bundled with Elasticsearch 8): `\b` agrees with the ASCII `\w` (JDK-8264160);
        // JDK 17 answers false here
        ("/\\bb/.matcher('\u{e9}b').find()", json!(true)),
        ("/\\w+/U.matcher('h\u{e9}llo').replaceAll('X')", json!("X")),
        (
            "/[\\u00e0-\\u00ff]/iu.matcher('\u{c9}').find()",
            json!(true),
        ),
        (
            "/\\p{Alpha}+/U.matcher('\u{e9}t\u{e9}!').replaceAll('X')",
            json!("X!"),
        ),
        ("/\\bt/U.matcher('\u{e9}t').find()", json!(false)),
        (
            "/(?<y>\\d{4})-(?<m>\\d\\d)/.matcher('x2024-05').replaceAll('${m}/${y}')",
            json!("x05/2024"),
        ),
        ("/a(b)?/.matcher('xab').lookingAt()", json!(false)),
    ];
    let mut failures = Vec::new();
    for (src, want) in cases {
        let got = run(&format!("return {src}"));
        if got["value"] != *want {
            failures.push(format!("{src}: want {want}, got {got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let got = run("return /x/c.matcher('x').find()");
    assert_eq!(
        got["error"]["caused_by"]["reason"],
        json!("regex flag [c] (Pattern.CANON_EQ) is not supported by ingest-emu"),
        "{got}"
    );
}

/// Arguments reach the allowlisted overload through Painless's implicit `def` conversions
/// (`Def.defToStringImplicit`, `defTointImplicit`): there is no `Integer.valueOf(String)`, and a
/// number is no `String` or `CharSequence`. Wording from ES's `Def` and the JDK (checked with
/// JDK 17 where the JDK raises it).
#[test]
fn arguments_convert_as_painless_converts_def() {
    let ctx = json!({"s": "12", "i": 5, "d": 1.5, "li": [1, 2]});
    let cases: &[(&str, &str)] = &[
        ("Integer.valueOf(ctx.s)", "cannot implicitly cast def [java.lang.String] to int"),
        ("Long.valueOf(ctx.s)", "cannot implicitly cast def [java.lang.String] to long"),
        ("Integer.toString(ctx.s)", "cannot implicitly cast def [java.lang.String] to int"),
        ("Long.parseLong(ctx.i)", "cannot implicitly cast def [int] to java.lang.String"),
        ("Float.parseFloat(ctx.d)", "cannot implicitly cast def [double] to java.lang.String"),
        ("Boolean.parseBoolean(ctx.i)", "cannot implicitly cast def [int] to java.lang.String"),
        ("Double.valueOf(ctx.s)", "cannot implicitly cast def [java.lang.String] to double"),
        ("String y = ctx.i; return y", "cannot implicitly cast def [int] to java.lang.String"),
        ("Integer y = ctx.s; return y", "cannot implicitly cast def [java.lang.String] to java.lang.Integer"),
        ("/5/.matcher(ctx.i).find()", "class java.lang.Integer cannot be cast to class java.lang.CharSequence (java.lang.Integer and java.lang.CharSequence are in module java.base of loader 'bootstrap')"),
        ("String.join(',', ctx.li)", "class java.lang.Integer cannot be cast to class java.lang.CharSequence (java.lang.Integer and java.lang.CharSequence are in module java.base of loader 'bootstrap')"),
        ("ctx.s.equalsIgnoreCase(ctx.i)", "Cannot cast java.lang.Integer to java.lang.String"),
    ];
    let mut failures = Vec::new();
    for (src, reason) in cases {
        let script = if src.contains("return") {
            src.to_string()
        } else {
            format!("return {src}")
        };
        let got = ingest_emu::painless::run_for_cli(&script, None, Some(&ctx));
        let cause = &got["error"]["caused_by"];
        if cause["type"] != json!("class_cast_exception") || cause["reason"] != json!(reason) {
            failures.push(format!("{src}: want {reason}, got {got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let ok = |src: &str| ingest_emu::painless::run_for_cli(src, None, Some(&ctx))["value"].clone();
    assert_eq!(
        ok("return Integer.valueOf(ctx.i) + Long.valueOf(ctx.i)"),
        json!(10)
    );
    assert_eq!(ok("return Boolean.parseBoolean(null)"), json!(false));
    assert_eq!(
        ok("return String.join('-', ['a', null, 'b'])"),
        json!("a-null-b")
    );
    assert_eq!(ok("return ctx.s.equalsIgnoreCase(null)"), json!(false));
}

/// `Matcher`'s replacement strings fail as `appendReplacement` does (one parser with the `gsub`
/// processor's), `find(int)` checks its start, and `pattern()` gives the pattern back. Each
/// answer checked against JDK 17.
#[test]
fn matcher_replacements_and_bounds_follow_java() {
    let errors: &[(&str, &str, &str)] = &[
        (
            "/(a)(b)/.matcher('ab').replaceAll('$')",
            "illegal_argument_exception",
            "Illegal group reference: group index is missing",
        ),
        (
            "/(?<x>a)(b)/.matcher('ab').replaceAll('${}')",
            "illegal_argument_exception",
            "named capturing group has 0 length name",
        ),
        (
            "/(?<x>a)(b)/.matcher('ab').replaceAll('${1a}')",
            "illegal_argument_exception",
            "capturing group name {1a} starts with digit character",
        ),
        (
            "/(?<x>a)(b)/.matcher('ab').replaceAll('${x y}')",
            "illegal_argument_exception",
            "named capturing group is missing trailing '}'",
        ),
        (
            "/(?<x>a)(b)/.matcher('ab').replaceFirst('${x_y}')",
            "illegal_argument_exception",
            "named capturing group is missing trailing '}'",
        ),
        (
            "/(?<x>a)(b)/.matcher('ab').replaceAll('${y}')",
            "illegal_argument_exception",
            "No group with name {y}",
        ),
        (
            "/(a)/.matcher('ab').replaceAll('$2')",
            "index_out_of_bounds_exception",
            "No group 2",
        ),
        (
            "/a/.matcher('xa').find(5)",
            "index_out_of_bounds_exception",
            "Illegal start index",
        ),
        (
            "/a/.matcher('xa').find(-1)",
            "index_out_of_bounds_exception",
            "Illegal start index",
        ),
    ];
    let mut failures = Vec::new();
    for (src, kind, reason) in errors {
        let got = run(&format!("return {src}"));
        let cause = &got["error"]["caused_by"];
        if cause["type"] != json!(kind) || cause["reason"] != json!(reason) {
            failures.push(format!("{src}: want {kind}: {reason}, got {got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // no match: the replacement is never read
    assert_eq!(
        run("return /z/.matcher('ab').replaceAll('$')")["value"],
        json!("ab")
    );
    assert_eq!(
        run("return /(a)(b)/.matcher('ab').replaceAll('$21\\\\$')")["value"],
        json!("b1$")
    );
    assert_eq!(
        run("return /a/.matcher('xa').find(2)")["value"],
        json!(false)
    );
    assert_eq!(
        run("Matcher m = /a+/.matcher('ab'); return m.pattern().pattern()")["value"],
        json!("a+")
    );
}

/// `decodeBase64()` and the `Base64` decoders are the JDK's (`java.util.Base64`): strict about
/// padding and trailing data, MIME skipping line breaks, bytes read back as UTF-8 with the JDK's
/// replacement rules. Checked against JDK 17.
#[test]
fn base64_decoding_is_the_jdks() {
    let values: &[(&str, serde_json::Value)] = &[
        ("'aGVsbG8='.decodeBase64()", json!("hello")),
        ("'aGVsbG8'.decodeBase64()", json!("hello")),
        (
            "def b = Base64.getMimeDecoder().decode('aGVs\nbG8='); return b.length",
            json!(5),
        ),
        // ED A0 80 encodes a surrogate: one replacement character, not three
        ("'7aCA'.decodeBase64().length()", json!(1)),
    ];
    for (src, want) in values {
        let got = run(src);
        assert_eq!(got["value"], *want, "{src}: {got}");
    }
    let errors = [
        (
            "'aGVsbG8=aGVsbG8='.decodeBase64()",
            "Input byte array has incorrect ending byte at 8",
        ),
        (
            "'aGVsbA='.decodeBase64()",
            "Input byte array has wrong 4-byte ending unit",
        ),
        (
            "'a'.decodeBase64()",
            "Input byte[] should at least have 2 bytes for base64 bytes",
        ),
        ("'aGVs\nbG8='.decodeBase64()", "Illegal base64 character a"),
        (
            "'YWJj\u{e9}'.decodeBase64()",
            "Illegal base64 character -3d",
        ),
    ];
    for (src, reason) in errors {
        let got = run(src);
        assert_eq!(
            got["error"]["caused_by"]["reason"],
            json!(reason),
            "{src}: {got}"
        );
    }
}

/// `getByPath`'s errors are `Augmentation`'s (elastic/elasticsearch, lang-painless).
#[test]
fn get_by_path_errors() {
    let cases = [
        (
            "def m = ['a': 1]; m.getByPath('a.b', 'dflt')",
            "Non-container [java.lang.Integer] at [b], index [1] in path [a.b]",
        ),
        (
            "def m = ['a': 1]; m.getByPath('x')",
            "Could not find value at path [x]",
        ),
        (
            "def m = ['a': ['b': 1]]; m.getByPath('x.b', 'd')",
            "Container does not have [x], for non-terminal index [0] in path [x.b]",
        ),
        (
            "def m = ['a': 1]; m.getByPath('a.')",
            "Trailing '.' in path [a.]",
        ),
        (
            "def m = ['a': 1]; m.getByPath('.a')",
            "Extra '.' in path [.a] at index [0]",
        ),
        ("def m = ['a': 1]; m.getByPath('')", "Missing path"),
        (
            "def l = [1, 2]; l.getByPath('2', 'd')",
            "Index 2 out of bounds for length 2",
        ),
        (
            "def l = [1, 2]; l.getByPath('x')",
            "Could not parse [x] as a int index into list at path [x] and index [0]",
        ),
    ];
    for (src, reason) in cases {
        let got = run(src);
        assert_eq!(
            got["error"]["caused_by"]["reason"],
            json!(reason),
            "{src}: {got}"
        );
    }
    let got = run("def l = ['a,b,'.splitOnToken(','), '@'.splitOnToken('@'), 'a,,'.splitOnToken(',', 2), 'ab'.splitOnToken('')]; return l");
    assert_eq!(
        got["value"],
        json!([["a", "b", ""], ["", ""], ["a", ","], ["ab"]]),
        "{got}"
    );
    let got = run("def l = [1, 2]; def r = l.each(x -> x); r.add(3); return [l, [1].asCollection(), ['a': 1].each((k, v) -> v)]");
    assert_eq!(got["value"], json!([[1, 2, 3], [1], {"a": 1}]), "{got}");
}

/// Classes are known by their fully qualified names too (`PainlessLookupBuilder`).
#[test]
fn fully_qualified_class_names() {
    let got = run("java.util.List x = new java.util.ArrayList(); x.add('a'); def y = x; return [y instanceof java.util.List, (java.util.Map.Entry) null, java.time.Instant.ofEpochMilli(0L).toString(), java.lang.Math.max(1, 2)]");
    assert_eq!(
        got["value"],
        json!([true, null, "1970-01-01T00:00:00Z", 2.0]),
        "{got}"
    );
    // a variable may still be called `java`
    assert_eq!(run("def java = 5; return java + 1")["value"], json!(6));
}

/// The regex allowlist has `Matcher.group()` and `group(int)`; a name goes through
/// `namedGroup(String)`.
#[test]
fn matcher_group_takes_an_index() {
    check(&[(
        "def m = /(?<k>a)/.matcher('a'); m.find(); return m.namedGroup('k')",
        "String",
        "\"a\"",
    )]);
    check_msg(&[(
        "def m = /(?<k>a)/.matcher('a'); m.find(); return m.group('k')",
        "class_cast_exception",
        "Cannot cast from [String] to [int].",
    )]);
}
