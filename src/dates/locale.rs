//! `java.util.Locale` as ES's `LocaleUtils.parse` builds it, with the CLDR text tables the JDK uses.
//!
//! Text tables (month/day names, AM/PM, eras, quarters, localized GMT prefix, week rules) come from
//! `locale_data.rs`, generated from JDK 17's CLDR data for a fixed list of locales. A locale that is
//! valid but not in that list falls back to its language's table, then to the ROOT table (English
//! abbreviations), which is the documented best effort.

use super::locale_data::{
    ISO_COUNTRIES, ISO_LANGUAGES, LOCALES, ZONE_FULL_NAMES, ZONE_SHORT_NAMES,
};

/// Text and calendar data for one locale (generated).
#[derive(Debug)]
pub(crate) struct LocaleData {
    pub tag: &'static str,
    /// SHORT, FULL, NARROW (format context), January first.
    pub months: [&'static [&'static str]; 3],
    pub months_standalone: [&'static [&'static str]; 3],
    /// SHORT, FULL, NARROW, Monday first.
    pub weekdays: [&'static [&'static str]; 3],
    pub weekdays_standalone: [&'static [&'static str]; 3],
    pub quarters: [&'static [&'static str]; 3],
    pub quarters_standalone: [&'static [&'static str]; 3],
    pub ampm: &'static [&'static str],
    /// SHORT, FULL, NARROW: [BC, AD].
    pub eras: [&'static [&'static str]; 3],
    /// Localized offset samples for +05:30 and zero, used to learn the GMT prefix.
    pub gmt_short: [&'static str; 2],
    /// Samples for -05:30 and zero (the negative one shows the minus sign used).
    #[allow(dead_code)]
    pub gmt_full: [&'static str; 2],
    /// `z` of a zone without a localized name and a negative offset (shows the minus sign used).
    pub zone_gmt_negative: &'static str,
    /// ISO day number (1 = Monday .. 7 = Sunday).
    pub first_day_of_week: u8,
    pub min_days: u8,
}

/// (tz abbreviation or zone id, localized zone name, reference zone).
pub(crate) type ZoneName = (&'static str, &'static str, &'static str);

/// A Java `Locale` (language, country, variant) plus its text data.
#[derive(Clone, Debug)]
pub struct Locale {
    language: String,
    country: String,
    variant: String,
    pub(crate) data: &'static LocaleData,
}

impl PartialEq for Locale {
    fn eq(&self, other: &Self) -> bool {
        self.language == other.language
            && self.country == other.country
            && self.variant == other.variant
    }
}
impl Eq for Locale {}

impl std::hash::Hash for Locale {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.language.hash(state);
        self.country.hash(state);
        self.variant.hash(state);
    }
}

impl Default for Locale {
    fn default() -> Self {
        Locale::root()
    }
}

impl Locale {
    /// `Locale.ROOT`, the date processor's default.
    pub fn root() -> Locale {
        Locale {
            language: String::new(),
            country: String::new(),
            variant: String::new(),
            data: &LOCALES[0],
        }
    }

    /// `Locale.ENGLISH`.
    pub fn english() -> Locale {
        Locale::new("en", "", "")
    }

    fn new(language: &str, country: &str, variant: &str) -> Locale {
        let language = language.to_ascii_lowercase();
        let country = country.to_ascii_uppercase();
        let data = find_data(&language, &country);
        Locale {
            language,
            country,
            variant: variant.to_string(),
            data,
        }
    }

    pub fn language(&self) -> &str {
        &self.language
    }

    pub fn country(&self) -> &str {
        &self.country
    }

    /// Short zone names (`z`) of this locale: (tz abbreviation, localized name, reference zone).
    pub(crate) fn zone_short_names(&self) -> &'static [ZoneName] {
        self.zone_names(ZONE_SHORT_NAMES)
    }

    /// Full zone names (`zzzz`), same layout as [`Locale::zone_short_names`].
    pub(crate) fn zone_full_names(&self) -> &'static [ZoneName] {
        self.zone_names(ZONE_FULL_NAMES)
    }

    fn zone_names(
        &self,
        table: &'static [(&'static str, &'static [ZoneName])],
    ) -> &'static [ZoneName] {
        let full = format!("{}_{}", self.language, self.country);
        let find = |tag: &str| table.iter().find(|(t, _)| *t == tag).map(|(_, v)| *v);
        if !self.country.is_empty() {
            if let Some(v) = find(&full) {
                return v;
            }
        }
        find(&self.language).or_else(|| find("")).unwrap_or(&[])
    }

    pub fn is_root(&self) -> bool {
        self.language.is_empty() && self.country.is_empty() && self.variant.is_empty()
    }
}

impl std::fmt::Display for Locale {
    /// `Locale.toString()`: `en`, `en_US`, `en_US_POSIX`, `` for ROOT.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.language)?;
        if !self.country.is_empty() || !self.variant.is_empty() {
            write!(f, "_{}", self.country)?;
        }
        if !self.variant.is_empty() {
            write!(f, "_{}", self.variant)?;
        }
        Ok(())
    }
}

fn find_data(language: &str, country: &str) -> &'static LocaleData {
    if language.is_empty() && country.is_empty() {
        return &LOCALES[0];
    }
    if !country.is_empty() {
        let full = format!("{language}_{country}");
        if let Some(d) = LOCALES.iter().find(|d| d.tag == full) {
            return d;
        }
    }
    LOCALES
        .iter()
        .find(|d| d.tag == language)
        .unwrap_or(&LOCALES[0])
}

/// ES's `LocaleUtils.parse`: `lang`, `lang-COUNTRY`, `lang-COUNTRY-variant` (or with `_`), `ROOT`.
/// Errors carry ES's wording.
pub fn parse_locale(tag: &str) -> Result<Locale, String> {
    let underscore = tag.chars().find(|c| *c == '-' || *c == '_') == Some('_');
    let parts: Vec<&str> = if underscore {
        tag.split('_').collect()
    } else {
        tag.split('-').collect()
    };
    let locale = match parts.len() {
        3 => Locale::new(parts[0], parts[1], parts[2]),
        2 => Locale::new(parts[0], parts[1], ""),
        1 => {
            if parts[0].eq_ignore_ascii_case("ROOT") {
                Locale::root()
            } else {
                Locale::new(parts[0], "", "")
            }
        }
        n => {
            return Err(format!(
                "Locales can have at most 3 parts but got {n}: [{}]",
                parts.join(", ")
            ));
        }
    };
    // Locale.getISO3Language / getISO3Country: 3-letter languages pass unchecked, 2-letter ones must
    // be ISO 639 codes, anything else is unknown; countries must be empty or ISO 3166 alpha-2.
    let lang_ok = match locale.language.len() {
        0 | 3 => true,
        2 => ISO_LANGUAGES.contains(&locale.language.as_str()),
        _ => false,
    };
    if !lang_ok {
        return Err(format!("Unknown language: {}", parts[0]));
    }
    let country_ok = match locale.country.len() {
        0 => true,
        2 => ISO_COUNTRIES.contains(&locale.country.as_str()),
        _ => false,
    };
    if !country_ok {
        return Err(format!(
            "Unknown country: {}",
            parts.get(1).copied().unwrap_or("")
        ));
    }
    Ok(locale)
}

/// `new Locale.Builder().setLanguageTag(tag).build()` (used by `date_index_name`): a well-formed
/// BCP 47 tag, not checked against ISO lists. The error is the processor's wording.
pub fn parse_language_tag(tag: &str) -> Result<Locale, String> {
    let err = || format!("Invalid language tag specified: {tag}");
    if tag.is_empty() {
        return Err(err());
    }
    let subtags: Vec<&str> = tag.split('-').collect();
    let alpha = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphabetic());
    let alnum = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric());
    let mut it = subtags.iter().copied().peekable();
    let language = it.next().ok_or_else(err)?;
    if !(alpha(language) && (2..=8).contains(&language.len())) {
        // private-use-only tags ("x-...") are well-formed but carry no language
        if language.eq_ignore_ascii_case("x")
            && it.peek().is_some()
            && it.clone().all(|s| alnum(s) && s.len() <= 8)
        {
            return Ok(Locale::root());
        }
        return Err(err());
    }
    let mut country = "";
    let mut variant = String::new();
    // extlang (3 letters, up to 3), script (4 letters), region (2 letters or 3 digits), variants
    let mut extlangs = 0;
    let mut language = language;
    while let Some(s) = it.peek().copied() {
        if alpha(s) && s.len() == 3 && extlangs < 3 && country.is_empty() && language.len() <= 3 {
            // Java's builder canonicalizes `zh-yue` to `yue`
            if extlangs == 0 {
                language = s;
            }
            extlangs += 1;
            it.next();
        } else {
            break;
        }
    }
    if let Some(s) = it.peek().copied() {
        if alpha(s) && s.len() == 4 {
            it.next();
        }
    }
    if let Some(s) = it.peek().copied() {
        if (alpha(s) && s.len() == 2) || (s.len() == 3 && s.chars().all(|c| c.is_ascii_digit())) {
            country = s;
            it.next();
        }
    }
    while let Some(s) = it.peek().copied() {
        let is_variant = alnum(s)
            && ((5..=8).contains(&s.len()) || (s.len() == 4 && s.as_bytes()[0].is_ascii_digit()));
        if !is_variant {
            break;
        }
        if !variant.is_empty() {
            variant.push('_');
        }
        variant.push_str(s);
        it.next();
    }
    // extensions and private use: a singleton followed by 2-8 (x: 1-8) alphanumeric subtags
    while let Some(single) = it.next() {
        if single.len() != 1 || !alnum(single) {
            return Err(err());
        }
        let min = if single.eq_ignore_ascii_case("x") {
            1
        } else {
            2
        };
        let mut n = 0;
        while let Some(s) = it.peek().copied() {
            if s.len() == 1 && !single.eq_ignore_ascii_case("x") {
                break;
            }
            if !(alnum(s) && (min..=8).contains(&s.len())) {
                return Err(err());
            }
            n += 1;
            it.next();
        }
        if n == 0 {
            return Err(err());
        }
    }
    let language = if language.eq_ignore_ascii_case("und") {
        ""
    } else {
        language
    };
    Ok(Locale::new(language, country, &variant))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_like_locale_utils() {
        assert!(parse_locale("ROOT").unwrap().is_root());
        assert!(parse_locale("").unwrap().is_root());
        let l = parse_locale("en-us").unwrap();
        assert_eq!(l.to_string(), "en_US");
        assert_eq!(l.data.tag, "en_US");
        assert_eq!(parse_locale("de_DE").unwrap().to_string(), "de_DE");
        assert_eq!(parse_locale("de").unwrap().data.months[1][2], "M\u{e4}rz");
        assert_eq!(parse_locale("xx").unwrap_err(), "Unknown language: xx");
        assert_eq!(parse_locale("en-XX").unwrap_err(), "Unknown country: XX");
        assert_eq!(
            parse_locale("a-b-c-d").unwrap_err(),
            "Locales can have at most 3 parts but got 4: [a, b, c, d]"
        );
        // a valid language without generated data falls back to ROOT text
        assert_eq!(parse_locale("hu").unwrap().data.tag, "");
    }

    #[test]
    fn language_tags_like_locale_builder() {
        assert_eq!(parse_language_tag("en-US").unwrap().to_string(), "en_US");
        assert_eq!(parse_language_tag("de").unwrap().to_string(), "de");
        assert!(parse_language_tag("").is_err());
        assert_eq!(
            parse_language_tag("zh-Hant-TW").unwrap().to_string(),
            "zh_TW"
        );
        assert_eq!(parse_language_tag("xx").unwrap().to_string(), "xx");
        assert_eq!(
            parse_language_tag("en_US").unwrap_err(),
            "Invalid language tag specified: en_US"
        );
        assert_eq!(
            parse_language_tag("e").unwrap_err(),
            "Invalid language tag specified: e"
        );
        assert_eq!(
            parse_language_tag("en-US-u-ca-buddhist")
                .unwrap()
                .to_string(),
            "en_US"
        );
    }
}
