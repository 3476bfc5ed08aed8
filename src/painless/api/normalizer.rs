//! `java.text.Normalizer` and its `Normalizer.Form` enum (allowlisted in Painless's
//! `java.text.txt`), on the `unicode-normalization` crate. Windows PowerShell/Operational's
//! pipeline normalizes scripts to NFC before measuring their entropy.

use super::{arg_str, not_found, Obj};
use crate::painless::error::Thrown;
use crate::painless::interp::R;
use crate::painless::rt::*;
use unicode_normalization::{is_nfc, is_nfd, is_nfkc, is_nfkd, UnicodeNormalization};

/// `Normalizer.Form`, in declaration order (its ordinals).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Nfd,
    Nfc,
    Nfkd,
    Nfkc,
}

const FORMS: [(Form, &str); 4] = [
    (Form::Nfd, "NFD"),
    (Form::Nfc, "NFC"),
    (Form::Nfkd, "NFKD"),
    (Form::Nfkc, "NFKC"),
];

impl Form {
    pub fn name(self) -> &'static str {
        FORMS
            .iter()
            .find(|(f, _)| *f == self)
            .map_or("NFC", |(_, n)| n)
    }
    fn ordinal(self) -> i32 {
        FORMS.iter().position(|(f, _)| *f == self).unwrap_or(0) as i32
    }
}

fn form_arg(v: &V) -> R<Form> {
    match v {
        V::Obj(o) => match &**o {
            Obj::NormalizerForm(f) => Ok(*f),
            _ => Err(Thrown::cce(format!(
                "Cannot cast from [{}] to [java.text.Normalizer$Form].",
                class_name(v)
            ))),
        },
        V::Null => Err(Thrown::npe(None)),
        other => Err(Thrown::cce(format!(
            "Cannot cast from [{}] to [java.text.Normalizer$Form].",
            class_name(other)
        ))),
    }
}

fn text_arg(v: &V) -> R<String> {
    if v.is_null() {
        return Err(Thrown::npe(None));
    }
    Ok(match str_of(v) {
        Some(s) => s.to_string(),
        None => to_java_string(v),
    })
}

/// `Normalizer.normalize` and `Normalizer.isNormalized`; `Normalizer.Form.valueOf`/`values`.
pub fn call_static(class: &str, name: &str, args: Vec<V>) -> R<V> {
    match (class, name, args.len()) {
        ("Normalizer", "normalize", 2) => {
            let text = text_arg(&args[0])?;
            Ok(V::string(match form_arg(&args[1])? {
                Form::Nfc => text.nfc().collect(),
                Form::Nfd => text.nfd().collect(),
                Form::Nfkc => text.nfkc().collect(),
                Form::Nfkd => text.nfkd().collect(),
            }))
        }
        ("Normalizer", "isNormalized", 2) => {
            let text = text_arg(&args[0])?;
            Ok(V::Bool(match form_arg(&args[1])? {
                Form::Nfc => is_nfc(&text),
                Form::Nfd => is_nfd(&text),
                Form::Nfkc => is_nfkc(&text),
                Form::Nfkd => is_nfkd(&text),
            }))
        }
        ("Normalizer.Form", "valueOf", 1) => {
            let n = arg_str(&args[0])?;
            static_field(n)
                .map_err(|_| Thrown::iae(format!("No enum constant java.text.Normalizer.Form.{n}")))
        }
        ("Normalizer.Form", "values", 0) => Ok(V::Array(std::rc::Rc::new(
            std::cell::RefCell::new(ArrayObj {
                elem: crate::painless::ast::Ty::Class("Normalizer.Form"),
                items: FORMS
                    .iter()
                    .map(|(f, _)| V::obj(Obj::NormalizerForm(*f)))
                    .collect(),
            }),
        ))),
        _ => Err(super::no_such()),
    }
}

/// `Normalizer.Form.NFC` and the other constants.
pub fn static_field(name: &str) -> R<V> {
    FORMS
        .iter()
        .find(|(_, n)| *n == name)
        .map(|(f, _)| V::obj(Obj::NormalizerForm(*f)))
        .ok_or_else(|| {
            Thrown::iae(format!(
                "unknown static field [{name}] for class [Normalizer.Form]"
            ))
        })
}

/// The enum methods of a `Normalizer.Form`.
pub fn call(recv: &V, form: Form, name: &str, args: &[V]) -> R<V> {
    match (name, args.len()) {
        ("name", 0) | ("toString", 0) => Ok(V::str(form.name())),
        ("ordinal", 0) => Ok(V::Int(form.ordinal())),
        ("compareTo", 1) => Ok(V::Int(form.ordinal() - form_arg(&args[0])?.ordinal())),
        _ => Err(not_found(recv, name, args.len())),
    }
}
