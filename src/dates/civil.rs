//! Small proleptic-Gregorian helpers mirroring `LocalDate` arithmetic (Java's year range, checked).

use super::fields::WeekDef;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct LDate {
    pub y: i64,
    pub m: i64,
    pub d: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct LTime {
    pub h: i64,
    pub mi: i64,
    pub s: i64,
    pub n: i64,
}

impl LTime {
    pub const MIDNIGHT: LTime = LTime {
        h: 0,
        mi: 0,
        s: 0,
        n: 0,
    };

    pub fn second_of_day(self) -> i64 {
        self.h * 3600 + self.mi * 60 + self.s
    }

    pub fn from_nano_of_day(nod: i64) -> LTime {
        LTime {
            h: nod / 3_600_000_000_000,
            mi: nod / 60_000_000_000 % 60,
            s: nod / 1_000_000_000 % 60,
            n: nod % 1_000_000_000,
        }
    }

    pub fn nano_of_day(self) -> i64 {
        self.second_of_day() * 1_000_000_000 + self.n
    }
}

pub(crate) fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub(crate) fn month_len(y: i64, m: i64) -> i64 {
    match m {
        2 => {
            if is_leap(y) {
                29
            } else {
                28
            }
        }
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

const MONTH_NAMES: [&str; 12] = [
    "JANUARY",
    "FEBRUARY",
    "MARCH",
    "APRIL",
    "MAY",
    "JUNE",
    "JULY",
    "AUGUST",
    "SEPTEMBER",
    "OCTOBER",
    "NOVEMBER",
    "DECEMBER",
];

impl LDate {
    /// `LocalDate.of(y, m, d)` with Java's checks and messages.
    pub fn of(y: i64, m: i64, d: i64) -> Result<LDate, String> {
        super::fields::Field::Year.check(y)?;
        super::fields::Field::MonthOfYear.check(m)?;
        super::fields::Field::DayOfMonth.check(d)?;
        if d > 28 && d > month_len(y, m) {
            if d == 29 {
                return Err(format!(
                    "Invalid date 'February 29' as '{y}' is not a leap year"
                ));
            }
            return Err(format!(
                "Invalid date '{} {d}'",
                MONTH_NAMES[(m - 1) as usize]
            ));
        }
        Ok(LDate { y, m, d })
    }

    /// `LocalDate.ofYearDay`.
    pub fn of_year_day(y: i64, doy: i64) -> Result<LDate, String> {
        super::fields::Field::Year.check(y)?;
        super::fields::Field::DayOfYear.check(doy)?;
        if doy == 366 && !is_leap(y) {
            return Err(format!(
                "Invalid date 'DayOfYear 366' as '{y}' is not a leap year"
            ));
        }
        Ok(LDate::from_epoch_day(
            LDate { y, m: 1, d: 1 }.epoch_day() + doy - 1,
        ))
    }

    pub fn epoch_day(self) -> i64 {
        // days from civil (H. Hinnant)
        let y = if self.m <= 2 { self.y - 1 } else { self.y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (self.m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + self.d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_epoch_day(z: i64) -> LDate {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        LDate {
            y: if m <= 2 { y + 1 } else { y },
            m,
            d,
        }
    }

    pub fn day_of_year(self) -> i64 {
        self.epoch_day()
            - LDate {
                y: self.y,
                m: 1,
                d: 1,
            }
            .epoch_day()
            + 1
    }

    /// ISO day of week, Monday = 1.
    pub fn day_of_week(self) -> i64 {
        (self.epoch_day() + 3).rem_euclid(7) + 1
    }

    pub fn plus_days(self, n: i64) -> LDate {
        LDate::from_epoch_day(self.epoch_day() + n)
    }

    /// `plusMonths`, clamping the day like Java.
    pub fn plus_months(self, n: i64) -> LDate {
        let total = self.y * 12 + (self.m - 1) + n;
        let y = total.div_euclid(12);
        let m = total.rem_euclid(12) + 1;
        LDate {
            y,
            m,
            d: self.d.min(month_len(y, m)),
        }
    }

    pub fn year_len(self) -> i64 {
        if is_leap(self.y) {
            366
        } else {
            365
        }
    }

    pub fn to_jiff(self) -> Result<jiff::civil::Date, String> {
        if !(-9999..=9999).contains(&self.y) {
            return Err(format!("year {} is out of the supported range", self.y));
        }
        let y = self.y as i16;
        jiff::civil::Date::new(y, self.m as i8, self.d as i8).map_err(|e| e.to_string())
    }

    /// This date at `time`, as jiff's date-time (within jiff's years).
    pub fn at(self, time: LTime) -> Result<jiff::civil::DateTime, String> {
        let t = jiff::civil::Time::new(time.h as i8, time.mi as i8, time.s as i8, time.n as i32)
            .map_err(|e| e.to_string())?;
        Ok(self.to_jiff()?.to_datetime(t))
    }

    pub fn from_jiff(d: jiff::civil::Date) -> LDate {
        LDate {
            y: i64::from(d.year()),
            m: i64::from(d.month()),
            d: i64::from(d.day()),
        }
    }
}

// ---- WeekFields arithmetic (java.time.temporal.WeekFields.ComputedDayOfField) ----

pub(crate) fn localized_dow(w: WeekDef, d: LDate) -> i64 {
    (d.day_of_week() - i64::from(w.first)).rem_euclid(7) + 1
}

fn start_of_week_offset(w: WeekDef, day: i64, dow: i64) -> i64 {
    let week_start = (day - dow).rem_euclid(7);
    let mut offset = -week_start;
    if week_start + 1 > i64::from(w.min_days) {
        offset = 7 - week_start;
    }
    offset
}

fn compute_week(offset: i64, day: i64) -> i64 {
    (7 + offset + (day - 1)).div_euclid(7)
}

pub(crate) fn week_of_month(w: WeekDef, d: LDate) -> i64 {
    let dow = localized_dow(w, d);
    let offset = start_of_week_offset(w, d.d, dow);
    compute_week(offset, d.d)
}

pub(crate) fn week_based_year(w: WeekDef, d: LDate) -> i64 {
    let dow = localized_dow(w, d);
    let doy = d.day_of_year();
    let offset = start_of_week_offset(w, doy, dow);
    let week = compute_week(offset, doy);
    if week == 0 {
        return d.y - 1;
    }
    let new_year_week = compute_week(offset, d.year_len() + i64::from(w.min_days));
    if week >= new_year_week {
        return d.y + 1;
    }
    d.y
}

pub(crate) fn week_of_week_based_year(w: WeekDef, d: LDate) -> i64 {
    let dow = localized_dow(w, d);
    let doy = d.day_of_year();
    let offset = start_of_week_offset(w, doy, dow);
    let week = compute_week(offset, doy);
    if week == 0 {
        return week_of_week_based_year(w, d.plus_days(-doy));
    }
    if week > 50 {
        let new_year_week = compute_week(offset, d.year_len() + i64::from(w.min_days));
        if week >= new_year_week {
            return week - new_year_week + 1;
        }
    }
    week
}

/// `ComputedDayOfField.ofWeekBasedYear`.
pub(crate) fn of_week_based_year(w: WeekDef, yowby: i64, wowby: i64, dow: i64) -> LDate {
    let date = LDate {
        y: yowby,
        m: 1,
        d: 1,
    };
    let ldow = localized_dow(w, date);
    let offset = start_of_week_offset(w, 1, ldow);
    let year_len = date.year_len();
    let new_year_week = compute_week(offset, year_len + i64::from(w.min_days));
    let wowby = wowby.min(new_year_week - 1);
    let days = -offset + (dow - 1) + (wowby - 1) * 7;
    date.plus_days(days)
}

/// `date.with(weekDef.weekBasedYear(), v)`.
pub(crate) fn with_week_based_year(w: WeekDef, d: LDate, v: i64) -> LDate {
    let idow = localized_dow(w, d);
    let wowby = week_of_week_based_year(w, d);
    of_week_based_year(w, v, wowby, idow)
}

/// `date.with(weekDef.weekOfWeekBasedYear(), v)`: plus (v - current) weeks.
pub(crate) fn with_week_of_week_based_year(w: WeekDef, d: LDate, v: i64) -> LDate {
    d.plus_days((v - week_of_week_based_year(w, d)) * 7)
}

/// `TemporalAdjusters.previousOrSame(firstDayOfWeek)`.
pub(crate) fn previous_or_same(d: LDate, iso_dow: i64) -> LDate {
    let cur = d.day_of_week();
    let back = (cur - iso_dow).rem_euclid(7);
    d.plus_days(-back)
}

pub(crate) fn iso_week_based_year(d: LDate) -> i64 {
    week_based_year(WeekDef::ISO, d)
}

pub(crate) fn iso_week_of_week_based_year(d: LDate) -> i64 {
    week_of_week_based_year(WeekDef::ISO, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_days_round_trip() {
        for z in [-800_000, -1, 0, 1, 18_000, 2_932_896] {
            assert_eq!(LDate::from_epoch_day(z).epoch_day(), z);
        }
        assert_eq!(
            LDate {
                y: 1970,
                m: 1,
                d: 1
            }
            .epoch_day(),
            0
        );
        assert_eq!(
            LDate {
                y: 1970,
                m: 1,
                d: 1
            }
            .day_of_week(),
            4
        );
        assert_eq!(
            LDate::of(2021, 2, 29).unwrap_err(),
            "Invalid date 'February 29' as '2021' is not a leap year"
        );
        assert_eq!(
            LDate::of(2020, 4, 31).unwrap_err(),
            "Invalid date 'APRIL 31'"
        );
    }

    #[test]
    fn iso_weeks() {
        // 2021-01-03 is in ISO week 53 of 2020
        let d = LDate {
            y: 2021,
            m: 1,
            d: 3,
        };
        assert_eq!(iso_week_based_year(d), 2020);
        assert_eq!(iso_week_of_week_based_year(d), 53);
        assert_eq!(of_week_based_year(WeekDef::ISO, 2020, 53, 7), d);
    }
}
