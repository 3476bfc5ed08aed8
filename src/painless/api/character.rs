//! `java.lang.Character` statics and constants, as Painless allowlists them (java.lang.txt).
//!
//! Arguments arrive as `char` or `int` (a code point). Surrogate code units have no Rust `char`,
//! so the code-unit methods work on the number itself.

use super::arg_int;
use crate::painless::ast::Ty;
use crate::painless::error::Thrown;
use crate::painless::interp::R;
use crate::painless::rt::*;

/// The `char` or code point an argument holds.
fn code_of(v: &V) -> R<u32> {
    match v {
        V::Char(c) => Ok(*c as u32),
        V::Int(i) => Ok(*i as u32),
        V::Byte(b) => Ok(*b as i32 as u32),
        V::Short(s) => Ok(*s as i32 as u32),
        V::Null => Err(Thrown::npe(None)),
        other => Err(Thrown::cce(format!(
            "Cannot cast from [{}] to [char].",
            short_type_name(other)
        ))),
    }
}

fn is_high_surrogate(u: u32) -> bool {
    (0xD800..=0xDBFF).contains(&u)
}

fn is_low_surrogate(u: u32) -> bool {
    (0xDC00..=0xDFFF).contains(&u)
}

/// `Character.isIdentifierIgnorable`: the ISO controls that are not whitespace, and format
/// characters (Cf).
fn is_identifier_ignorable(cp: u32) -> bool {
    matches!(cp, 0..=8 | 0x0E..=0x1B | 0x7F..=0x9F) || crate::java::general_type(cp) == 16
}

/// `Character.toTitleCase(char)`: the upper case, except for the Latin digraphs, whose title
/// case is their capital-and-small form (ǅ ǈ ǋ ǲ).
fn title_case(cp: u32) -> u32 {
    match cp {
        0x01C4..=0x01C6 => 0x01C5,
        0x01C7..=0x01C9 => 0x01C8,
        0x01CA..=0x01CC => 0x01CB,
        0x01F1..=0x01F3 => 0x01F2,
        _ => super::string::simple_upper(cp),
    }
}

pub fn call_static(name: &str, args: Vec<V>) -> R<V> {
    let n = args.len();
    if n == 0 {
        return Err(super::no_such());
    }
    let cp = code_of(&args[0])?;
    let is_int = matches!(args[0], V::Int(_));
    // the same width back: `toUpperCase(char)` is a char, `toUpperCase(int)` an int
    let same_width = |r: u32| {
        if is_int {
            V::Int(r as i32)
        } else {
            V::Char(r as u16)
        }
    };
    let signed = cp as i32;
    if let Some(r) = code_unit_call(name, &args, cp, signed)? {
        return Ok(r);
    }
    if n != 1 && !matches!((name, n), ("digit", 2)) {
        return Err(super::no_such());
    }
    let Some(c) = char::from_u32(cp) else {
        // a surrogate code unit, or no code point at all: no category, maps to itself
        return match name {
            "toUpperCase" | "toLowerCase" | "toTitleCase" => Ok(args[0].clone()),
            "getNumericValue" | "digit" => Ok(V::Int(-1)),
            "getType" => Ok(V::Int(crate::java::general_type(cp) as i32)),
            "isDefined" => Ok(V::Bool((0xD800..=0xDFFF).contains(&cp))),
            "toString" | "valueOf" if !is_int => Ok(if name == "valueOf" {
                args[0].clone()
            } else {
                V::string(String::from_utf16_lossy(&[cp as u16]))
            }),
            "isDigit"
            | "isLetter"
            | "isLetterOrDigit"
            | "isAlphabetic"
            | "isWhitespace"
            | "isSpaceChar"
            | "isUpperCase"
            | "isLowerCase"
            | "isTitleCase"
            | "isISOControl"
            | "isIdeographic"
            | "isJavaIdentifierStart"
            | "isJavaIdentifierPart"
            | "isUnicodeIdentifierStart"
            | "isUnicodeIdentifierPart"
            | "isIdentifierIgnorable" => Ok(V::Bool(false)),
            _ => Err(super::no_such()),
        };
    };
    let category = || crate::java::general_type(cp);
    Ok(match name {
        "isDigit" => V::Bool(crate::java::is_digit(c)),
        "isLetter" => V::Bool(crate::java::is_letter(c)),
        "isLetterOrDigit" => V::Bool(crate::java::is_letter(c) || crate::java::is_digit(c)),
        "isAlphabetic" => V::Bool(c.is_alphabetic()),
        "isWhitespace" => V::Bool(crate::java::is_whitespace(c)),
        "isSpaceChar" => V::Bool(crate::java::is_space_char(c)),
        "isUpperCase" => V::Bool(c.is_uppercase()),
        "isLowerCase" => V::Bool(c.is_lowercase()),
        "isTitleCase" => V::Bool(category() == 3),
        "isDefined" => V::Bool(category() != 0),
        "getType" => V::Int(category() as i32),
        "isISOControl" => V::Bool(cp <= 0x1F || (0x7F..=0x9F).contains(&cp)),
        "isIdeographic" => V::Bool(ideographic(c)),
        "isIdentifierIgnorable" => V::Bool(is_identifier_ignorable(cp)),
        // letters, letter numbers, currency symbols, connector punctuation
        "isJavaIdentifierStart" => V::Bool(matches!(category(), 1..=5 | 10 | 23 | 26)),
        // ... and digits, marks and the ignorable characters
        "isJavaIdentifierPart" => {
            V::Bool(matches!(category(), 1..=6 | 8..=10 | 23 | 26) || is_identifier_ignorable(cp))
        }
        "isUnicodeIdentifierStart" => V::Bool(unicode_ident::is_xid_start(c)),
        "isUnicodeIdentifierPart" => {
            V::Bool(unicode_ident::is_xid_continue(c) || is_identifier_ignorable(cp))
        }
        // the simple (one code point) mappings of Character, not String's full ones
        "toUpperCase" => same_width(super::string::simple_upper(cp)),
        "toLowerCase" => same_width(super::string::simple_lower(cp)),
        "toTitleCase" => same_width(title_case(cp)),
        "getNumericValue" => V::Int(crate::java::numeric_value(c)),
        "toString" => V::string(c.to_string()),
        "valueOf" => V::Char(cp as u16),
        "digit" => {
            let radix = u32::try_from(arg_int(&args[1])?).unwrap_or(0);
            V::Int(crate::java::char_digit(c, radix).map_or(-1, |d| d as i32))
        }
        _ => return Err(super::no_such()),
    })
}

/// `Character.isIdeographic`: the Unicode Ideographic property.
fn ideographic(c: char) -> bool {
    static IDEO: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    IDEO.get_or_init(|| regex::Regex::new(r"^\p{Ideographic}$").expect("a Unicode property"))
        .is_match(c.encode_utf8(&mut [0u8; 4]))
}

/// The methods on code units and code point arithmetic, which need no Unicode tables.
fn code_unit_call(name: &str, args: &[V], cp: u32, signed: i32) -> R<Option<V>> {
    let second = || code_of(&args[1]);
    Ok(Some(match (name, args.len()) {
        ("compare", 2) => V::Int(cp as i32 - second()? as i32),
        ("hashCode", 1) => V::Int(cp as i32),
        ("charCount", 1) => V::Int(if signed >= 0x10000 { 2 } else { 1 }),
        ("isBmpCodePoint", 1) => V::Bool(cp >> 16 == 0),
        ("isSupplementaryCodePoint", 1) => V::Bool((0x10000..0x110000).contains(&signed)),
        ("isValidCodePoint", 1) => V::Bool((0..=0x10FFFF).contains(&signed)),
        ("isHighSurrogate", 1) => V::Bool(is_high_surrogate(cp)),
        ("isSurrogate", 1) => V::Bool((0xD800..=0xDFFF).contains(&cp)),
        ("isSurrogatePair", 2) => V::Bool(is_high_surrogate(cp) && is_low_surrogate(second()?)),
        ("toCodePoint", 2) => V::Int(
            ((cp << 10).wrapping_add(second()?))
                .wrapping_add(0x10000u32.wrapping_sub(0xD800 << 10).wrapping_sub(0xDC00))
                as i32,
        ),
        ("highSurrogate", 1) => V::Char(((cp >> 10) + (0xD800 - (0x10000 >> 10))) as u16),
        ("lowSurrogate", 1) => V::Char(((cp & 0x3FF) + 0xDC00) as u16),
        ("reverseBytes", 1) => V::Char((cp as u16).swap_bytes()),
        ("forDigit", 2) => {
            let radix = arg_int(&args[1])?;
            let digit = signed;
            V::Char(
                if !(2..=36).contains(&radix) || digit < 0 || digit >= radix {
                    0
                } else if digit < 10 {
                    b'0' as u16 + digit as u16
                } else {
                    b'a' as u16 - 10 + digit as u16
                },
            )
        }
        ("toChars", 1) => {
            if !(0..=0x10FFFF).contains(&signed) {
                return Err(Thrown::iae(format!(
                    "Not a valid Unicode code point: 0x{:X}",
                    cp
                )));
            }
            let units: Vec<V> = if cp < 0x10000 {
                vec![V::Char(cp as u16)]
            } else {
                vec![
                    V::Char(((cp >> 10) + (0xD800 - (0x10000 >> 10))) as u16),
                    V::Char(((cp & 0x3FF) + 0xDC00) as u16),
                ]
            };
            V::Array(std::rc::Rc::new(std::cell::RefCell::new(ArrayObj {
                elem: Ty::Char,
                items: units,
            })))
        }
        _ => return Ok(None),
    }))
}

pub fn static_field(name: &str) -> R<V> {
    let category = |n: i8| V::Byte(n);
    Ok(match name {
        "MAX_VALUE" => V::Char(u16::MAX),
        "MAX_SURROGATE" | "MAX_LOW_SURROGATE" => V::Char(0xDFFF),
        "MIN_VALUE" => V::Char(0),
        "MIN_SURROGATE" | "MIN_HIGH_SURROGATE" => V::Char(0xD800),
        "MAX_HIGH_SURROGATE" => V::Char(0xDBFF),
        "MIN_LOW_SURROGATE" => V::Char(0xDC00),
        "MIN_RADIX" => V::Int(2),
        "MAX_RADIX" => V::Int(36),
        "MIN_CODE_POINT" => V::Int(0),
        "MAX_CODE_POINT" => V::Int(0x10FFFF),
        "MIN_SUPPLEMENTARY_CODE_POINT" => V::Int(0x10000),
        "SIZE" => V::Int(16),
        "BYTES" => V::Int(2),
        "UNASSIGNED" => category(0),
        "UPPERCASE_LETTER" => category(1),
        "LOWERCASE_LETTER" => category(2),
        "TITLECASE_LETTER" => category(3),
        "MODIFIER_LETTER" => category(4),
        "OTHER_LETTER" => category(5),
        "NON_SPACING_MARK" => category(6),
        "ENCLOSING_MARK" => category(7),
        "COMBINING_SPACING_MARK" => category(8),
        "DECIMAL_DIGIT_NUMBER" => category(9),
        "LETTER_NUMBER" => category(10),
        "OTHER_NUMBER" => category(11),
        "SPACE_SEPARATOR" => category(12),
        "LINE_SEPARATOR" => category(13),
        "PARAGRAPH_SEPARATOR" => category(14),
        "CONTROL" => category(15),
        "FORMAT" => category(16),
        "PRIVATE_USE" => category(18),
        "SURROGATE" => category(19),
        "DASH_PUNCTUATION" => category(20),
        "START_PUNCTUATION" => category(21),
        "END_PUNCTUATION" => category(22),
        "CONNECTOR_PUNCTUATION" => category(23),
        "OTHER_PUNCTUATION" => category(24),
        "MATH_SYMBOL" => category(25),
        "CURRENCY_SYMBOL" => category(26),
        "MODIFIER_SYMBOL" => category(27),
        "OTHER_SYMBOL" => category(28),
        "INITIAL_QUOTE_PUNCTUATION" => category(29),
        "FINAL_QUOTE_PUNCTUATION" => category(30),
        _ => {
            return Err(Thrown::iae(format!(
                "unknown static field [{name}] for class [Character]"
            )))
        }
    })
}
