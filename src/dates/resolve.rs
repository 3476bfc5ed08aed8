//! Field resolution: `java.time.format.Parsed.resolve` (ISO chronology, STRICT/SMART/LENIENT),
//! then ES's `DateFormatters.from` and the ingest `DateFormat.Java` fallbacks for missing fields.

use jiff::tz::TimeZone;
use jiff::Zoned;

use super::civil::{self, LDate, LTime};
use super::engine::{Parsed, ResolverStyle};
use super::fields::{Field, WeekDef};

/// A resolved `Parsed`: what is left of the fields plus the date/time java.time could build.
#[derive(Clone, Debug)]
pub(crate) struct Resolved {
    pub p: Parsed,
    pub date: Option<LDate>,
    pub time: Option<LTime>,
}

impl Resolved {
    /// `Parsed.isSupported(field)`.
    pub fn supports(&self, f: Field) -> bool {
        if self.p.contains(f) {
            return true;
        }
        if self.date.is_some() && date_field(f) {
            return true;
        }
        self.time.is_some() && f.is_time_based()
    }

    /// `Parsed.getLong(field)`.
    pub fn get(&self, f: Field) -> Option<i64> {
        if let Some(v) = self.p.get(f) {
            return Some(v);
        }
        if let Some(d) = self.date {
            if date_field(f) {
                return Some(date_value(d, f));
            }
        }
        if let Some(t) = self.time {
            if f.is_time_based() {
                return Some(time_value(t, f));
            }
        }
        None
    }
}

fn date_field(f: Field) -> bool {
    matches!(
        f,
        Field::Era
            | Field::YearOfEra
            | Field::Year
            | Field::QuarterOfYear
            | Field::MonthOfYear
            | Field::DayOfYear
            | Field::DayOfMonth
            | Field::AlignedDayOfWeekInMonth
            | Field::DayOfWeek
            | Field::ModifiedJulianDay
            | Field::WeekBasedYear(_)
            | Field::WeekOfWeekBasedYear(_)
            | Field::LocalizedDayOfWeek(_)
            | Field::WeekOfMonth(_)
            | Field::IsoWeekBasedYear
            | Field::IsoWeekOfWeekBasedYear
    )
}

fn date_value(d: LDate, f: Field) -> i64 {
    match f {
        Field::Era => i64::from(d.y >= 1),
        Field::YearOfEra => {
            if d.y >= 1 {
                d.y
            } else {
                1 - d.y
            }
        }
        Field::Year => d.y,
        Field::QuarterOfYear => (d.m - 1) / 3 + 1,
        Field::MonthOfYear => d.m,
        Field::DayOfYear => d.day_of_year(),
        Field::DayOfMonth => d.d,
        Field::AlignedDayOfWeekInMonth => (d.d - 1) % 7 + 1,
        Field::DayOfWeek => d.day_of_week(),
        Field::ModifiedJulianDay => d.epoch_day() + 40587,
        Field::WeekBasedYear(w) => civil::week_based_year(w, d),
        Field::WeekOfWeekBasedYear(w) => civil::week_of_week_based_year(w, d),
        Field::LocalizedDayOfWeek(w) => civil::localized_dow(w, d),
        Field::WeekOfMonth(w) => civil::week_of_month(w, d),
        Field::IsoWeekBasedYear => civil::iso_week_based_year(d),
        Field::IsoWeekOfWeekBasedYear => civil::iso_week_of_week_based_year(d),
        _ => 0,
    }
}

/// The value of a time-of-day field (shared by parsing and printing).
pub(crate) fn time_value(t: LTime, f: Field) -> i64 {
    match f {
        Field::AmPmOfDay => t.h / 12,
        Field::HourOfDay => t.h,
        Field::ClockHourOfDay => {
            if t.h == 0 {
                24
            } else {
                t.h
            }
        }
        Field::HourOfAmPm => t.h % 12,
        Field::ClockHourOfAmPm => {
            if t.h % 12 == 0 {
                12
            } else {
                t.h % 12
            }
        }
        Field::MinuteOfHour => t.mi,
        Field::SecondOfMinute => t.s,
        Field::NanoOfSecond => t.n,
        Field::MicroOfSecond => t.n / 1000,
        Field::MilliOfSecond => t.n / 1_000_000,
        Field::MilliOfDay => t.nano_of_day() / 1_000_000,
        Field::NanoOfDay => t.nano_of_day(),
        Field::SecondOfDay => t.second_of_day(),
        Field::MinuteOfDay => t.h * 60 + t.mi,
        _ => 0,
    }
}

fn format_date(d: LDate) -> String {
    if d.y.abs() < 10000 {
        if d.y < 0 {
            format!("-{:04}-{:02}-{:02}", -d.y, d.m, d.d)
        } else {
            format!("{:04}-{:02}-{:02}", d.y, d.m, d.d)
        }
    } else {
        format!(
            "{}{}-{:02}-{:02}",
            if d.y > 9999 { "+" } else { "" },
            d.y,
            d.m,
            d.d
        )
    }
}

fn format_time(t: LTime) -> String {
    let mut s = format!("{:02}:{:02}", t.h, t.mi);
    if t.s > 0 || t.n > 0 {
        s.push_str(&format!(":{:02}", t.s));
        if t.n > 0 {
            if t.n % 1_000_000 == 0 {
                s.push_str(&format!(".{:03}", t.n / 1_000_000));
            } else if t.n % 1000 == 0 {
                s.push_str(&format!(".{:06}", t.n / 1000));
            } else {
                s.push_str(&format!(".{:09}", t.n));
            }
        }
    }
    s
}

struct State {
    p: Parsed,
    style: ResolverStyle,
    date: Option<LDate>,
    time: Option<LTime>,
    excess_days: i64,
}

impl State {
    fn add_field_value(&mut self, f: Field, v: i64) -> Result<(), String> {
        if let Some(old) = self.p.get(f) {
            if old != v {
                return Err(format!(
                    "Conflict found: {} {old} differs from {} {v}",
                    f.name(),
                    f.name()
                ));
            }
        }
        self.p.put(f, v);
        Ok(())
    }

    fn update_date(&mut self, d: Option<LDate>) -> Result<(), String> {
        if let Some(d) = d {
            match self.date {
                Some(cur) if cur != d => {
                    return Err(format!(
                        "Conflict found: Fields resolved to two different dates: {} {}",
                        format_date(cur),
                        format_date(d)
                    ))
                }
                Some(_) => {}
                None => self.date = Some(d),
            }
        }
        Ok(())
    }

    fn resolve_date_fields(&mut self) -> Result<(), String> {
        let d = self.resolve_date()?;
        self.update_date(d)
    }

    fn resolve_date(&mut self) -> Result<Option<LDate>, String> {
        if let Some(mjd) = self.p.remove(Field::ModifiedJulianDay) {
            let mjd = Field::ModifiedJulianDay.check(mjd)?;
            return Ok(Some(LDate::from_epoch_day(mjd - 40587)));
        }
        // IsoChronology.resolveYearOfEra
        if let Some(yoe) = self.p.remove(Field::YearOfEra) {
            if self.style != ResolverStyle::Lenient {
                Field::YearOfEra.check(yoe)?;
            }
            match self.p.remove(Field::Era) {
                None => {
                    let year = self.p.get(Field::Year);
                    if self.style == ResolverStyle::Strict {
                        match year {
                            Some(y) => self
                                .add_field_value(Field::Year, if y > 0 { yoe } else { 1 - yoe })?,
                            None => {
                                self.p.put(Field::YearOfEra, yoe);
                            }
                        }
                    } else {
                        let v = if year.is_none_or(|y| y > 0) {
                            yoe
                        } else {
                            1 - yoe
                        };
                        self.add_field_value(Field::Year, v)?;
                    }
                }
                Some(1) => self.add_field_value(Field::Year, yoe)?,
                Some(0) => self.add_field_value(Field::Year, 1 - yoe)?,
                Some(e) => return Err(format!("Invalid value for era: {e}")),
            }
        } else if let Some(e) = self.p.get(Field::Era) {
            Field::Era.check(e)?;
        }
        if self.p.contains(Field::Year) {
            if self.p.contains(Field::MonthOfYear) && self.p.contains(Field::DayOfMonth) {
                return self.resolve_ymd().map(Some);
            }
            if self.p.contains(Field::DayOfYear) {
                let y = Field::Year.check(self.p.remove(Field::Year).unwrap_or(0))?;
                let doy = self.p.remove(Field::DayOfYear).unwrap_or(0);
                if self.style == ResolverStyle::Lenient {
                    return Ok(Some(LDate { y, m: 1, d: 1 }.plus_days(doy - 1)));
                }
                let doy = Field::DayOfYear.check(doy)?;
                return LDate::of_year_day(y, doy).map(Some);
            }
        }
        Ok(None)
    }

    fn resolve_ymd(&mut self) -> Result<LDate, String> {
        let y = Field::Year.check(self.p.remove(Field::Year).unwrap_or(0))?;
        let m = self.p.remove(Field::MonthOfYear).unwrap_or(0);
        let d = self.p.remove(Field::DayOfMonth).unwrap_or(0);
        if self.style == ResolverStyle::Lenient {
            return Ok(LDate { y, m: 1, d: 1 }.plus_months(m - 1).plus_days(d - 1));
        }
        let m = Field::MonthOfYear.check(m)?;
        let mut d = Field::DayOfMonth.check(d)?;
        if self.style == ResolverStyle::Smart {
            d = d.min(civil::month_len(y, m));
        }
        LDate::of(y, m, d)
    }

    fn update_time_field(&mut self, target: Field, v: i64) -> Result<(), String> {
        if let Some(old) = self.p.put(target, v) {
            if old != v {
                return Err(format!(
                    "Conflict found: {} {old} differs from {} {v} while resolving  {}",
                    target.name(),
                    target.name(),
                    target.name()
                ));
            }
        }
        Ok(())
    }

    fn resolve_time_fields(&mut self) -> Result<(), String> {
        let strict = self.style == ResolverStyle::Strict;
        let lenient = self.style == ResolverStyle::Lenient;
        if let Some(ch) = self.p.remove(Field::ClockHourOfDay) {
            if strict || (self.style == ResolverStyle::Smart && ch != 0) {
                Field::ClockHourOfDay.check(ch)?;
            }
            self.update_time_field(Field::HourOfDay, if ch == 24 { 0 } else { ch })?;
        }
        if let Some(ch) = self.p.remove(Field::ClockHourOfAmPm) {
            if strict || (self.style == ResolverStyle::Smart && ch != 0) {
                Field::ClockHourOfAmPm.check(ch)?;
            }
            self.update_time_field(Field::HourOfAmPm, if ch == 12 { 0 } else { ch })?;
        }
        if self.p.contains(Field::AmPmOfDay) && self.p.contains(Field::HourOfAmPm) {
            let ap = self.p.remove(Field::AmPmOfDay).unwrap_or(0);
            let hap = self.p.remove(Field::HourOfAmPm).unwrap_or(0);
            if lenient {
                self.update_time_field(Field::HourOfDay, ap * 12 + hap)?;
            } else {
                Field::AmPmOfDay.check(ap)?;
                Field::HourOfAmPm.check(hap)?;
                self.update_time_field(Field::HourOfDay, ap * 12 + hap)?;
            }
        }
        if let Some(nod) = self.p.remove(Field::NanoOfDay) {
            if !lenient {
                Field::NanoOfDay.check(nod)?;
            }
            self.update_time_field(Field::HourOfDay, nod / 3_600_000_000_000)?;
            self.update_time_field(Field::MinuteOfHour, nod / 60_000_000_000 % 60)?;
            self.update_time_field(Field::SecondOfMinute, nod / 1_000_000_000 % 60)?;
            self.update_time_field(Field::NanoOfSecond, nod % 1_000_000_000)?;
        }
        if let Some(lod) = self.p.remove(Field::MilliOfDay) {
            if !lenient {
                Field::MilliOfDay.check(lod)?;
            }
            self.update_time_field(Field::SecondOfDay, lod / 1000)?;
            self.update_time_field(Field::MilliOfSecond, lod % 1000)?;
        }
        if let Some(sod) = self.p.remove(Field::SecondOfDay) {
            if !lenient {
                Field::SecondOfDay.check(sod)?;
            }
            self.update_time_field(Field::HourOfDay, sod / 3600)?;
            self.update_time_field(Field::MinuteOfHour, sod / 60 % 60)?;
            self.update_time_field(Field::SecondOfMinute, sod % 60)?;
        }
        if let Some(mod_) = self.p.remove(Field::MinuteOfDay) {
            if !lenient {
                Field::MinuteOfDay.check(mod_)?;
            }
            self.update_time_field(Field::HourOfDay, mod_ / 60)?;
            self.update_time_field(Field::MinuteOfHour, mod_ % 60)?;
        }
        if let Some(mut nos) = self.p.get(Field::NanoOfSecond) {
            if !lenient {
                Field::NanoOfSecond.check(nos)?;
            }
            if let Some(cos) = self.p.remove(Field::MicroOfSecond) {
                if !lenient {
                    Field::MicroOfSecond.check(cos)?;
                }
                nos = cos * 1000 + nos % 1000;
                self.update_time_field(Field::NanoOfSecond, nos)?;
            }
            if let Some(los) = self.p.remove(Field::MilliOfSecond) {
                if !lenient {
                    Field::MilliOfSecond.check(los)?;
                }
                self.update_time_field(Field::NanoOfSecond, los * 1_000_000 + nos % 1_000_000)?;
            }
        }
        if let (Some(h), Some(m), Some(s), Some(n)) = (
            self.p.get(Field::HourOfDay),
            self.p.get(Field::MinuteOfHour),
            self.p.get(Field::SecondOfMinute),
            self.p.get(Field::NanoOfSecond),
        ) {
            self.p.remove(Field::HourOfDay);
            self.p.remove(Field::MinuteOfHour);
            self.p.remove(Field::SecondOfMinute);
            self.p.remove(Field::NanoOfSecond);
            self.resolve_time(h, m, s, n)?;
        }
        Ok(())
    }

    fn resolve_time(&mut self, h: i64, m: i64, s: i64, n: i64) -> Result<(), String> {
        if self.style == ResolverStyle::Lenient {
            let total = h * 3_600_000_000_000 + m * 60_000_000_000 + s * 1_000_000_000 + n;
            let days = total.div_euclid(86_400_000_000_000);
            let nod = total.rem_euclid(86_400_000_000_000);
            return self.update_time(LTime::from_nano_of_day(nod), days);
        }
        let m = Field::MinuteOfHour.check(m)?;
        let n = Field::NanoOfSecond.check(n)?;
        if self.style == ResolverStyle::Smart && h == 24 && m == 0 && s == 0 && n == 0 {
            return self.update_time(LTime::MIDNIGHT, 1);
        }
        let h = Field::HourOfDay.check(h)?;
        let s = Field::SecondOfMinute.check(s)?;
        self.update_time(LTime { h, mi: m, s, n }, 0)
    }

    fn update_time(&mut self, t: LTime, excess: i64) -> Result<(), String> {
        if let Some(cur) = self.time {
            if cur != t {
                return Err(format!(
                    "Conflict found: Fields resolved to different times: {} {}",
                    format_time(cur),
                    format_time(t)
                ));
            }
            if self.excess_days != 0 && excess != 0 && self.excess_days != excess {
                return Err("Conflict found: Fields resolved to different excess periods".into());
            }
        } else {
            self.time = Some(t);
        }
        if excess != 0 {
            self.excess_days = excess;
        }
        Ok(())
    }

    fn resolve_week_fields(&mut self) -> Result<bool, String> {
        let mut changed = false;
        // localized day-of-week becomes ISO day-of-week first
        let keys: Vec<Field> = self.p.fields.iter().map(|(k, _)| *k).collect();
        for k in &keys {
            if let Field::LocalizedDayOfWeek(w) = k {
                let v = self.p.remove(*k).unwrap_or(0);
                let v = k.check(v)?;
                let iso = (i64::from(w.first) - 1 + (v - 1)).rem_euclid(7) + 1;
                self.p.put(Field::DayOfWeek, iso);
                changed = true;
            }
        }
        let keys: Vec<Field> = self.p.fields.iter().map(|(k, _)| *k).collect();
        for k in &keys {
            if let Field::WeekBasedYear(w) = k {
                let wowby_f = Field::WeekOfWeekBasedYear(*w);
                if self.p.contains(wowby_f)
                    && self.p.contains(Field::DayOfWeek)
                    && !self.p.contains(Field::Year)
                {
                    let iso_dow =
                        Field::DayOfWeek.check(self.p.get(Field::DayOfWeek).unwrap_or(0))?;
                    let ldow = (iso_dow - i64::from(w.first)).rem_euclid(7) + 1;
                    let yowby = k.check(self.p.get(*k).unwrap_or(0))?;
                    let date = if self.style == ResolverStyle::Lenient {
                        let wowby = self.p.get(wowby_f).unwrap_or(0);
                        civil::of_week_based_year(*w, yowby, 1, ldow).plus_days((wowby - 1) * 7)
                    } else {
                        let wowby = wowby_f.check(self.p.get(wowby_f).unwrap_or(0))?;
                        let d = civil::of_week_based_year(*w, yowby, wowby, ldow);
                        if self.style == ResolverStyle::Strict
                            && civil::week_based_year(*w, d) != yowby
                        {
                            return Err("Strict mode rejected resolved date as it is in a different week-based-year".into());
                        }
                        d
                    };
                    self.p.remove(*k);
                    self.p.remove(wowby_f);
                    self.p.remove(Field::DayOfWeek);
                    self.update_date(Some(date))?;
                    changed = true;
                }
            }
        }
        if self.p.contains(Field::IsoWeekBasedYear)
            && self.p.contains(Field::IsoWeekOfWeekBasedYear)
            && self.p.contains(Field::DayOfWeek)
        {
            let wby =
                Field::IsoWeekBasedYear.check(self.p.get(Field::IsoWeekBasedYear).unwrap_or(0))?;
            let wowby = self.p.get(Field::IsoWeekOfWeekBasedYear).unwrap_or(0);
            let dow = self.p.get(Field::DayOfWeek).unwrap_or(0);
            let date = if self.style == ResolverStyle::Lenient {
                civil::of_week_based_year(WeekDef::ISO, wby, 1, 1)
                    .plus_days((wowby - 1) * 7 + (dow - 1))
            } else {
                let dow = Field::DayOfWeek.check(dow)?;
                // ISO years have 53 weeks when they start on a Thursday (or a Wednesday in leap years)
                let jan1 = LDate { y: wby, m: 1, d: 1 }.day_of_week();
                let weeks = if jan1 == 4 || (jan1 == 3 && civil::is_leap(wby)) {
                    53
                } else {
                    52
                };
                let wowby = if self.style == ResolverStyle::Strict {
                    if !(1..=weeks).contains(&wowby) {
                        return Err(format!(
                            "Invalid value for WeekOfWeekBasedYear (valid values 1 - {weeks}): {wowby}"
                        ));
                    }
                    wowby
                } else {
                    Field::IsoWeekOfWeekBasedYear.check(wowby)?;
                    wowby
                };
                let start = civil::of_week_based_year(WeekDef::ISO, wby, 1, 1);
                start.plus_days((wowby - 1) * 7 + (dow - 1))
            };
            self.p.remove(Field::IsoWeekBasedYear);
            self.p.remove(Field::IsoWeekOfWeekBasedYear);
            self.p.remove(Field::DayOfWeek);
            self.update_date(Some(date))?;
            changed = true;
        }
        Ok(changed)
    }

    fn resolve_time_lenient(&mut self) -> Result<(), String> {
        if self.time.is_none() {
            if let Some(los) = self.p.remove(Field::MilliOfSecond) {
                if let Some(cos) = self.p.get(Field::MicroOfSecond) {
                    let cos = los * 1000 + cos % 1000;
                    self.p.remove(Field::MicroOfSecond);
                    self.p.put(Field::NanoOfSecond, cos * 1000);
                } else {
                    self.p.put(Field::NanoOfSecond, los * 1_000_000);
                }
            } else if let Some(cos) = self.p.remove(Field::MicroOfSecond) {
                self.p.put(Field::NanoOfSecond, cos * 1000);
            }
            if let Some(h) = self.p.get(Field::HourOfDay) {
                let m = self.p.get(Field::MinuteOfHour);
                let s = self.p.get(Field::SecondOfMinute);
                let n = self.p.get(Field::NanoOfSecond);
                let invalid = (m.is_none() && (s.is_some() || n.is_some()))
                    || (m.is_some() && s.is_none() && n.is_some());
                if !invalid {
                    self.resolve_time(h, m.unwrap_or(0), s.unwrap_or(0), n.unwrap_or(0))?;
                    self.p.remove(Field::HourOfDay);
                    self.p.remove(Field::MinuteOfHour);
                    self.p.remove(Field::SecondOfMinute);
                    self.p.remove(Field::NanoOfSecond);
                }
            }
        }
        if self.style != ResolverStyle::Lenient {
            for (f, v) in &self.p.fields {
                if f.is_time_based() {
                    f.check(*v)?;
                }
            }
        }
        Ok(())
    }

    fn cross_check(&mut self) -> Result<(), String> {
        if let Some(d) = self.date {
            self.cross_check_with(&format_date(d), |f| date_field(f).then(|| date_value(d, f)))?;
        }
        if let Some(t) = self.time {
            self.cross_check_with(&format_time(t), |f| {
                f.is_time_based().then(|| time_value(t, f))
            })?;
            if let Some(d) = self.date {
                if !self.p.fields.is_empty() {
                    let target = format!("{}T{}", format_date(d), format_time(t));
                    self.cross_check_with(&target, |f| {
                        if date_field(f) {
                            Some(date_value(d, f))
                        } else if f.is_time_based() {
                            Some(time_value(t, f))
                        } else {
                            None
                        }
                    })?;
                }
            }
        }
        Ok(())
    }

    fn cross_check_with(
        &mut self,
        target: &str,
        get: impl Fn(Field) -> Option<i64>,
    ) -> Result<(), String> {
        let mut i = 0;
        while i < self.p.fields.len() {
            let (f, parsed) = self.p.fields[i];
            if let Some(v) = get(f) {
                if v != parsed {
                    return Err(format!(
                        "Conflict found: Field {} {v} differs from {} {parsed} derived from {target}",
                        f.name(),
                        f.name()
                    ));
                }
                self.p.fields.remove(i);
            } else {
                i += 1;
            }
        }
        Ok(())
    }
}

/// `Parsed.resolve`.
pub(crate) fn resolve(p: Parsed, style: ResolverStyle) -> Result<Resolved, String> {
    let mut st = State {
        p,
        style,
        date: None,
        time: None,
        excess_days: 0,
    };
    st.resolve_date_fields()?;
    st.resolve_time_fields()?;
    if st.resolve_week_fields()? {
        st.resolve_date_fields()?;
        st.resolve_time_fields()?;
    }
    st.resolve_time_lenient()?;
    st.cross_check()?;
    if let (Some(d), Some(_)) = (st.date, st.time) {
        if st.excess_days != 0 {
            st.date = Some(d.plus_days(st.excess_days));
            st.excess_days = 0;
        }
    }
    // resolveFractional
    if st.time.is_none()
        && (st.p.contains(Field::InstantSeconds)
            || st.p.contains(Field::SecondOfDay)
            || st.p.contains(Field::SecondOfMinute))
    {
        if let Some(nos) = st.p.get(Field::NanoOfSecond) {
            st.p.put(Field::MicroOfSecond, nos / 1000);
            st.p.put(Field::MilliOfSecond, nos / 1_000_000);
        } else {
            st.p.put(Field::NanoOfSecond, 0);
            st.p.put(Field::MicroOfSecond, 0);
            st.p.put(Field::MilliOfSecond, 0);
        }
    }
    Ok(Resolved {
        p: st.p,
        date: st.date,
        time: st.time,
    })
}

// ------------------------------------------------------------------------------------------------
// Elasticsearch's conversions
// ------------------------------------------------------------------------------------------------

pub(crate) fn zoned_of(d: LDate, t: LTime, tz: &TimeZone) -> Result<Zoned, String> {
    d.at(t)?.to_zoned(tz.clone()).map_err(|e| e.to_string())
}

fn get_year(r: &Resolved) -> i64 {
    if let Some(y) = r.get(Field::Year) {
        return y;
    }
    if let Some(y) = r.get(Field::YearOfEra) {
        return y;
    }
    1970
}

/// ES `DateFormatters.LOCAL_DATE_QUERY`.
fn local_date_query(r: &Resolved) -> Result<Option<LDate>, String> {
    if let Some(d) = r.date {
        return Ok(Some(d));
    }
    if r.supports(Field::YearOfEra) || r.supports(Field::Year) {
        let year = get_year(r);
        if let (Some(m), Some(d)) = (r.get(Field::MonthOfYear), r.get(Field::DayOfMonth)) {
            return LDate::of(year, m, d).map(Some);
        } else if let Some(doy) = r.get(Field::DayOfYear) {
            return LDate::of_year_day(year, doy).map(Some);
        }
    }
    Ok(None)
}

fn week_based_year_field(r: &Resolved, w: WeekDef) -> Option<i64> {
    r.p.get(Field::WeekBasedYear(w))
}

/// ES `localDateFromWeekBasedDate`.
fn local_date_from_week_based(r: &Resolved, w: WeekDef) -> Result<LDate, String> {
    let wby = week_based_year_field(r, w).unwrap_or(1970);
    let base = LDate {
        y: 1970,
        m: 1,
        d: 1,
    };
    let mut d = civil::with_week_based_year(w, base, wby);
    if let Some(wowby) = r.p.get(Field::WeekOfWeekBasedYear(w)) {
        d = civil::with_week_of_week_based_year(w, d, wowby);
    }
    Ok(civil::previous_or_same(d, i64::from(w.first)))
}

/// ES `getLocalDate`.
fn get_local_date(r: &Resolved, w: WeekDef) -> Result<LDate, String> {
    if week_based_year_field(r, WeekDef::ISO).is_some() {
        return local_date_from_week_based(r, WeekDef::ISO);
    }
    if week_based_year_field(r, w).is_some() {
        return local_date_from_week_based(r, w);
    }
    if let Some(m) = r.get(Field::MonthOfYear) {
        let year = get_year(r);
        return match r.get(Field::DayOfMonth) {
            Some(d) => LDate::of(year, m, d),
            None => LDate::of(year, m, 1),
        };
    }
    Ok(LDate {
        y: 1970,
        m: 1,
        d: 1,
    })
}

/// The zone of a parse: `TemporalQueries.zone()` (a parsed zone id, else a parsed offset).
fn parsed_zone(r: &Resolved) -> Option<TimeZone> {
    if let Some(z) = &r.p.zone {
        return Some(z.clone());
    }
    let off = r.p.get(Field::OffsetSeconds)?;
    jiff::tz::Offset::from_seconds(off as i32)
        .ok()
        .map(TimeZone::fixed)
}

/// ES `DateFormatters.from(accessor, locale, defaultZone)`.
pub(crate) fn es_from(r: &Resolved, w: WeekDef, default_zone: &TimeZone) -> Result<Zoned, String> {
    let zone = parsed_zone(r).unwrap_or_else(|| default_zone.clone());
    let local_date = local_date_query(r)?;
    let local_time = r.time;
    if let (Some(d), Some(t)) = (local_date, local_time) {
        return zoned_of(d, t, &zone);
    }
    if let (Some(secs), Some(nanos)) = (r.p.get(Field::InstantSeconds), r.get(Field::NanoOfSecond))
    {
        let ts = jiff::Timestamp::new(secs, nanos as i32).map_err(|e| e.to_string())?;
        return Ok(ts.to_zoned(zone));
    }
    if let Some(d) = local_date {
        return zoned_of(d, LTime::MIDNIGHT, &zone);
    }
    if let Some(t) = local_time {
        return zoned_of(get_local_date(r, w)?, t, &zone);
    }
    if r.supports(Field::Year) || r.supports(Field::YearOfEra) {
        let y = get_year(r);
        return match r.get(Field::MonthOfYear) {
            Some(m) => zoned_of(LDate::of(y, m, 1)?, LTime::MIDNIGHT, &zone),
            None => zoned_of(LDate::of(y, 1, 1)?, LTime::MIDNIGHT, &zone),
        };
    }
    if r.supports(Field::MonthOfYear) {
        return zoned_of(get_local_date(r, w)?, LTime::MIDNIGHT, &zone);
    }
    if week_based_year_field(r, WeekDef::ISO).is_some() {
        return zoned_of(
            local_date_from_week_based(r, WeekDef::ISO)?,
            LTime::MIDNIGHT,
            &zone,
        );
    }
    if week_based_year_field(r, w).is_some() {
        return zoned_of(local_date_from_week_based(r, w)?, LTime::MIDNIGHT, &zone);
    }
    Err(format!(
        "temporal accessor [{}] cannot be converted to zoned date time",
        describe(r)
    ))
}

/// Roughly `Parsed.toString()`: `{fields},ISO,zone resolved to date/time`.
pub(crate) fn describe(r: &Resolved) -> String {
    let fields: Vec<String> =
        r.p.fields
            .iter()
            .map(|(f, v)| format!("{}={v}", f.name()))
            .collect();
    let mut s = format!("{{{}}},ISO", fields.join(", "));
    if let Some(z) = &r.p.zone {
        s.push(',');
        s.push_str(&super::zone::java_zone_id(z));
    }
    if r.date.is_some() || r.time.is_some() {
        s.push_str(" resolved to ");
        if let Some(d) = r.date {
            s.push_str(&format_date(d));
        }
        if let Some(t) = r.time {
            if r.date.is_some() {
                s.push('T');
            }
            s.push_str(&format_time(t));
        }
    }
    s
}

/// The ingest `DateFormat.Java` rule: without any year, take the current UTC year and copy the
/// parsed time-of-day, day and month onto 1970-01-01T00:00Z of that year, then move it (same local
/// time) into the processor's zone. The parsed zone, if any, is ignored on this path.
pub(crate) fn ingest_java(
    r: &Resolved,
    w: WeekDef,
    zone: &TimeZone,
    current_year: i64,
) -> Result<Zoned, String> {
    let has_year = r.supports(Field::Year)
        || r.supports(Field::YearOfEra)
        || r.p.contains(Field::WeekBasedYear(WeekDef::ISO))
        || r.p.contains(Field::WeekBasedYear(w))
        || r.p.contains(Field::InstantSeconds);
    if has_year {
        return es_from(r, w, zone).map(|z| z.with_time_zone(zone.clone()));
    }
    let mut d = LDate {
        y: current_year,
        m: 1,
        d: 1,
    };
    let mut t = LTime::MIDNIGHT;
    if let Some(v) = r.get(Field::NanoOfSecond) {
        t.n = Field::NanoOfSecond.check(v)?;
    }
    if r.supports(Field::SecondOfDay) {
        if let Some(v) = r.get(Field::SecondOfDay) {
            let v = Field::SecondOfDay.check(v)?;
            t = LTime {
                h: v / 3600,
                mi: v / 60 % 60,
                s: v % 60,
                n: t.n,
            };
        }
    }
    if r.supports(Field::MinuteOfDay) {
        if let Some(v) = r.get(Field::MinuteOfDay) {
            let v = Field::MinuteOfDay.check(v)?;
            t.h = v / 60;
            t.mi = v % 60;
        }
    }
    if let Some(v) = r.get(Field::HourOfDay) {
        t.h = Field::HourOfDay.check(v)?;
    }
    if let Some(v) = r.get(Field::DayOfMonth) {
        d.d = Field::DayOfMonth.check(v)?;
    }
    if let Some(v) = r.get(Field::MonthOfYear) {
        d.m = Field::MonthOfYear.check(v)?;
        d.d = d.d.min(civil::month_len(d.y, d.m));
    }
    zoned_of(d, t, zone)
}
