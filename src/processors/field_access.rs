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
    match doc.get(path) {
        Err(e) => {
            if ignore_missing {
                Ok(StrField::Missing)
            } else {
                Err(ProcessorError::illegal_argument(e))
            }
        }
        Ok(Value::Null) => Ok(StrField::Null),
        Ok(Value::String(s)) => Ok(StrField::Str(s)),
        Ok(other) => Err(cast_error(&path.full, other, "java.lang.String")),
    }
}

/// ES `IngestDocument.cast` failure.
pub fn cast_error(path: &str, value: &Value, class: &str) -> ProcessorError {
    ProcessorError::illegal_argument(format!(
        "field [{path}] of type [{}] cannot be cast to [{class}]",
        value.java_class_name()
    ))
}
