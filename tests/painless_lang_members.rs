//! `java.lang` members of the Painless allowlist (ES `java.lang.txt`) that scripts reach
//! through the boxed classes: `Byte`/`Short` comparisons, the `SIZE`/`BYTES`/`*_EXPONENT`/
//! `MIN_NORMAL` constants, `StrictMath.PI/E`, `Boolean.hashCode`, `parseByte`/`parseShort` with
//! a radix, and `Double`/`Float.toHexString`. Every expected value was printed by JDK 17.

mod painless_support;

use ingest_emu::painless::run_for_cli;
use serde_json::{json, Value as J};

fn run(script: &str) -> J {
    run_for_cli(script, None, Some(&json!({})))
}

/// (script, type, value as JSON text)
fn check(cases: &[(&str, &str, &str)]) {
    painless_support::check_values(run, cases);
}

/// (script, caused_by type, reason)
fn check_msg(cases: &[(&str, &str, &str)]) {
    painless_support::check_errors(run, cases);
}

/// `Byte.compare`/`Short.compare` are `x - y` and `compareTo` delegates to them; `Integer` and
/// `Long` give -1/0/1.
#[test]
fn byte_and_short_compare_return_the_difference() {
    check(&[
        ("Byte.compare((byte) 1, (byte) -3)", "int", "4"),
        ("Byte.compare((byte) -128, (byte) 127)", "int", "-255"),
        ("Byte.compare((byte) 5, (byte) 5)", "int", "0"),
        ("Short.compare((short) 10, (short) 3)", "int", "7"),
        (
            "Short.compare((short) -32768, (short) 32767)",
            "int",
            "-65535",
        ),
        ("Byte.valueOf((byte) 1).compareTo((byte) -3)", "int", "4"),
        (
            "Short.valueOf((short) -100).compareTo((short) 200)",
            "int",
            "-300",
        ),
        (
            "def b = (byte) 1; return b.compareTo((byte) -3)",
            "int",
            "4",
        ),
        ("Integer.compare(10, 3)", "int", "1"),
        ("Long.compare(-5L, 3L)", "int", "-1"),
        ("Integer.valueOf(10).compareTo(3)", "int", "1"),
    ]);
}

#[test]
fn size_bytes_and_exponent_constants() {
    check(&[
        ("Double.MAX_EXPONENT", "int", "1023"),
        ("Double.MIN_EXPONENT", "int", "-1022"),
        ("Double.SIZE", "int", "64"),
        ("Double.BYTES", "int", "8"),
        ("Float.MAX_EXPONENT", "int", "127"),
        ("Float.MIN_EXPONENT", "int", "-126"),
        ("Float.SIZE", "int", "32"),
        ("Float.BYTES", "int", "4"),
        ("Integer.SIZE", "int", "32"),
        ("Integer.BYTES", "int", "4"),
        ("Long.SIZE", "int", "64"),
        ("Long.BYTES", "int", "8"),
        ("Short.SIZE", "int", "16"),
        ("Short.BYTES", "int", "2"),
        ("Byte.SIZE", "int", "8"),
        ("Byte.BYTES", "int", "1"),
        // Double.toString / Float.toString of the constants, as the JDK prints them
        (
            "String.valueOf(Double.MIN_NORMAL)",
            "String",
            "\"2.2250738585072014E-308\"",
        ),
        // (JDK 17 prints the float as 1.17549435E-38, JDK 19+ as 1.1754944E-38: same bits)
        ("Float.floatToIntBits(Float.MIN_NORMAL)", "int", "8388608"),
        (
            "Double.doubleToLongBits(Double.MIN_NORMAL)",
            "long",
            "4503599627370496",
        ),
        (
            "String.valueOf(StrictMath.PI)",
            "String",
            "\"3.141592653589793\"",
        ),
        (
            "String.valueOf(StrictMath.E)",
            "String",
            "\"2.718281828459045\"",
        ),
        (
            "Double.MIN_NORMAL == 2.2250738585072014E-308",
            "boolean",
            "true",
        ),
        ("Float.MIN_NORMAL == 1.17549435E-38f", "boolean", "true"),
        (
            "StrictMath.PI == Math.PI && StrictMath.E == Math.E",
            "boolean",
            "true",
        ),
        (
            "def x = Float.MIN_NORMAL; return x instanceof Float",
            "boolean",
            "true",
        ),
    ]);
}

#[test]
fn boolean_hash_code() {
    check(&[
        ("Boolean.hashCode(true)", "int", "1231"),
        ("Boolean.hashCode(false)", "int", "1237"),
    ]);
}

/// `parseByte(String, int)` / `parseShort(String, int)` and `valueOf(String, int)`:
/// `Integer.parseInt(s, radix)` and a range check. (The CLI reports a boxed result under its
/// primitive's name.)
#[test]
fn parse_byte_and_short_with_a_radix() {
    check(&[
        ("Byte.parseByte('7f', 16)", "byte", "127"),
        ("Byte.parseByte('-80', 16)", "byte", "-128"),
        ("Byte.parseByte('+1', 2)", "byte", "1"),
        ("Byte.valueOf('7f', 16)", "byte", "127"),
        ("Short.parseShort('7fff', 16)", "short", "32767"),
        ("Short.parseShort('-8000', 16)", "short", "-32768"),
        ("Short.parseShort('zz', 36)", "short", "1295"),
        ("Short.valueOf('7fff', 16)", "short", "32767"),
        ("Integer.valueOf('7f', 16)", "int", "127"),
        ("Long.valueOf('7f', 16)", "long", "127"),
    ]);
    let nfe = "number_format_exception";
    check_msg(&[
        (
            "Byte.parseByte('80', 16)",
            nfe,
            "Value out of range. Value:\"80\" Radix:16",
        ),
        (
            "Byte.parseByte('200', 10)",
            nfe,
            "Value out of range. Value:\"200\" Radix:10",
        ),
        (
            "Byte.valueOf('-129', 10)",
            nfe,
            "Value out of range. Value:\"-129\" Radix:10",
        ),
        (
            "Byte.parseByte('zz', 36)",
            nfe,
            "Value out of range. Value:\"zz\" Radix:36",
        ),
        (
            "Byte.parseByte('', 16)",
            nfe,
            "For input string: \"\" under radix 16",
        ),
        (
            "Byte.parseByte('g', 16)",
            nfe,
            "For input string: \"g\" under radix 16",
        ),
        ("Byte.parseByte('-', 10)", nfe, "For input string: \"-\""),
        (
            "Byte.parseByte('99999999999', 10)",
            nfe,
            "For input string: \"99999999999\"",
        ),
        (
            "Byte.parseByte('12', 1)",
            nfe,
            "radix 1 less than Character.MIN_RADIX",
        ),
        (
            "Byte.valueOf('12', 37)",
            nfe,
            "radix 37 greater than Character.MAX_RADIX",
        ),
        (
            "Short.parseShort('8000', 16)",
            nfe,
            "Value out of range. Value:\"8000\" Radix:16",
        ),
        (
            "Short.valueOf('40000', 10)",
            nfe,
            "Value out of range. Value:\"40000\" Radix:10",
        ),
        (
            "Short.parseShort('-32769', 10)",
            nfe,
            "Value out of range. Value:\"-32769\" Radix:10",
        ),
        (
            "Short.parseShort('', 8)",
            nfe,
            "For input string: \"\" under radix 8",
        ),
        (
            "Short.parseShort('12', 0)",
            nfe,
            "radix 0 less than Character.MIN_RADIX",
        ),
        ("Short.parseShort('x', 10)", nfe, "For input string: \"x\""),
    ]);
}

#[test]
fn double_to_hex_string() {
    let cases: &[(&str, &str)] = &[
        ("1.0", "0x1.0p0"),
        ("-1.0", "-0x1.0p0"),
        ("0.0", "0x0.0p0"),
        ("-0.0", "-0x0.0p0"),
        ("2.0", "0x1.0p1"),
        ("0.5", "0x1.0p-1"),
        ("0.1", "0x1.999999999999ap-4"),
        ("3.0", "0x1.8p1"),
        ("255.0", "0x1.fep7"),
        ("1.0E300", "0x1.7e43c8800759cp996"),
        ("Double.MAX_VALUE", "0x1.fffffffffffffp1023"),
        ("Double.MIN_VALUE", "0x0.0000000000001p-1022"),
        ("-Double.MIN_VALUE", "-0x0.0000000000001p-1022"),
        ("Double.MIN_NORMAL", "0x1.0p-1022"),
        ("Double.MIN_NORMAL / 2", "0x0.8p-1022"),
        ("4.9E-320", "0x0.00000000026bep-1022"),
        ("1e-310", "0x0.012688b70e62bp-1022"),
        ("Double.NaN", "NaN"),
        ("Double.POSITIVE_INFINITY", "Infinity"),
        ("Double.NEGATIVE_INFINITY", "-Infinity"),
        ("Math.PI", "0x1.921fb54442d18p1"),
        ("1.0 / 3", "0x1.5555555555555p-2"),
        ("123456.789", "0x1.e240c9fbe76c9p16"),
    ];
    let table: Vec<(String, &str, String)> = cases
        .iter()
        .map(|(x, want)| {
            (
                format!("Double.toHexString({x})"),
                "String",
                format!("\"{want}\""),
            )
        })
        .collect();
    let table: Vec<(&str, &str, &str)> = table
        .iter()
        .map(|(s, t, v)| (s.as_str(), *t, v.as_str()))
        .collect();
    check(&table);
}

#[test]
fn float_to_hex_string() {
    let cases: &[(&str, &str)] = &[
        ("1.0f", "0x1.0p0"),
        ("-1.0f", "-0x1.0p0"),
        ("0.0f", "0x0.0p0"),
        ("-0.0f", "-0x0.0p0"),
        ("0.1f", "0x1.99999ap-4"),
        ("3.0f", "0x1.8p1"),
        ("Float.MAX_VALUE", "0x1.fffffep127"),
        ("Float.MIN_VALUE", "0x0.000002p-126"),
        ("Float.MIN_NORMAL", "0x1.0p-126"),
        ("Float.MIN_NORMAL / 2", "0x0.8p-126"),
        ("1e-40f", "0x0.022d84p-126"),
        ("-1e-42f", "-0x0.000594p-126"),
        ("Float.NaN", "NaN"),
        ("Float.POSITIVE_INFINITY", "Infinity"),
        ("Float.NEGATIVE_INFINITY", "-Infinity"),
        ("(float) Math.PI", "0x1.921fb6p1"),
        ("1.0f / 3", "0x1.555556p-2"),
        ("16777216f", "0x1.0p24"),
    ];
    let table: Vec<(String, &str, String)> = cases
        .iter()
        .map(|(x, want)| {
            (
                format!("Float.toHexString({x})"),
                "String",
                format!("\"{want}\""),
            )
        })
        .collect();
    let table: Vec<(&str, &str, &str)> = table
        .iter()
        .map(|(s, t, v)| (s.as_str(), *t, v.as_str()))
        .collect();
    check(&table);
}

/// `StrictMath` is fdlibm, and so is `Math` for the functions HotSpot has no intrinsic for;
/// these inputs come out one ulp apart from glibc's (JDK 17 values).
#[test]
fn math_follows_fdlibm() {
    check(&[
        (
            "Math.cbrt(-2.5653822799947434)",
            "double",
            "-1.3689387913859625",
        ),
        (
            "Math.cosh(-1.0570034110010258)",
            "double",
            "1.6126151104962705",
        ),
        (
            "Math.asin(0.653704249344076)",
            "double",
            "0.7124690945208576",
        ),
        (
            "Math.acos(-0.638547240152125)",
            "double",
            "2.2634053862751946",
        ),
        (
            "Math.atan(-0.39812589802568477)",
            "double",
            "-0.3788897286233329",
        ),
        (
            "Math.atan2(-8.304430270992398, 3.2117130040978825)",
            "double",
            "-1.2017669490144107",
        ),
        (
            "Math.hypot(1.0612823691607005, 8.533385681424544)",
            "double",
            "8.599127365903634",
        ),
        (
            "Math.tanh(-0.15540997548213298)",
            "double",
            "-0.15417077846738342",
        ),
        (
            "Math.sinh(380.7130717628438)",
            "double",
            "1.0978835030870808E165",
        ),
        ("StrictMath.exp(1.0)", "double", "2.7182818284590455"),
        (
            "StrictMath.log(0.04461439913652132)",
            "double",
            "-3.109698621466509",
        ),
        (
            "StrictMath.cos(-2.5653822799947434)",
            "double",
            "-0.8385334446005974",
        ),
    ]);
}
