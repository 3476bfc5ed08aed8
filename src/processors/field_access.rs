//! Typed field reads shared by several processors (ES `IngestDocument.getFieldValue(path, clazz,
//! ignoreMissing)`).

use crate::document::{FieldPath, IngestDocument};
use crate::pipeline::ProcessorError;
use crate::value::Value;

/// What `getFieldValue(path, String.class, ignoreMissing)` yields.
pub enum StrField<'a> {
    /// The field is missing and `ignore_missing` is set (Java returns null).
    Missing,
    /// The field holds null.
    Null,
    Str(&'a str),
}

/// ES `IngestDocument.getFieldValue(path, String.class, ignoreMissing)`: a missing field is an error
/// unless `ignore_missing`; a non-string value fails the cast with ES's message.
pub fn get_string<'a>(
    doc: &'a IngestDocument,
    path: &FieldPath,
    ignore_missing: bool,
) -> Result<StrField<'a>, ProcessorError> {
    match doc.lookup(path) {
        Err(e) => {
            if ignore_missing {
                Ok(StrField::Missing)
            } else {
                Err(ProcessorError::illegal_argument(e.message(path)))
            }
        }
        Ok(Value::Null) => Ok(StrField::Null),
        Ok(Value::String(s)) => Ok(StrField::Str(s)),
        Ok(other) => Err(cast_error(&path.full, other, "java.lang.String")),
    }
}

/// The common shape of string-input processors: `Ok(None)` means exit quietly (missing or null with
/// `ignore_missing`); a null without it fails with the processor's own `null_message`.
pub fn string_input(
    doc: &IngestDocument,
    path: &FieldPath,
    ignore_missing: bool,
    null_message: impl FnOnce() -> String,
) -> Result<Option<String>, ProcessorError> {
    match get_string(doc, path, ignore_missing)? {
        StrField::Str(s) => Ok(Some(s.to_string())),
        StrField::Missing => Ok(None),
        StrField::Null if ignore_missing => Ok(None),
        StrField::Null => Err(ProcessorError::illegal_argument(null_message())),
    }
}

/// ES `IngestDocument.cast` failure.
pub fn cast_error(path: &str, value: &Value, class: &str) -> ProcessorError {
    ProcessorError::illegal_argument(format!(
        "field [{path}] of type [{}] cannot be cast to [{class}]",
        value.java_class_name()
    ))
}
