//! The temporal fields java.time parses into and prints from, with their value ranges.

/// A week definition (`WeekFields`): first day of week (ISO number) and minimal days in week 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct WeekDef {
    pub first: u8,
    pub min_days: u8,
}

impl WeekDef {
    pub const ISO: WeekDef = WeekDef {
        first: 1,
        min_days: 4,
    };
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Field {
    Era,
    YearOfEra,
    Year,
    QuarterOfYear,
    MonthOfYear,
    DayOfYear,
    DayOfMonth,
    AlignedDayOfWeekInMonth,
    DayOfWeek,
    AmPmOfDay,
    HourOfDay,
    ClockHourOfDay,
    HourOfAmPm,
    ClockHourOfAmPm,
    MinuteOfHour,
    SecondOfMinute,
    NanoOfSecond,
    MicroOfSecond,
    MilliOfSecond,
    MilliOfDay,
    NanoOfDay,
    SecondOfDay,
    MinuteOfDay,
    ModifiedJulianDay,
    OffsetSeconds,
    InstantSeconds,
    /// `WeekFields.weekBasedYear()` of a week definition.
    WeekBasedYear(WeekDef),
    WeekOfWeekBasedYear(WeekDef),
    LocalizedDayOfWeek(WeekDef),
    WeekOfMonth(WeekDef),
    /// `IsoFields.WEEK_BASED_YEAR` / `WEEK_OF_WEEK_BASED_YEAR` (distinct from `WeekFields.ISO`'s).
    IsoWeekBasedYear,
    IsoWeekOfWeekBasedYear,
}

impl Field {
    /// `TemporalField.toString()`, as Java error messages show it.
    pub fn name(self) -> String {
        match self {
            Field::Era => "Era".into(),
            Field::YearOfEra => "YearOfEra".into(),
            Field::Year => "Year".into(),
            Field::QuarterOfYear => "QuarterOfYear".into(),
            Field::MonthOfYear => "MonthOfYear".into(),
            Field::DayOfYear => "DayOfYear".into(),
            Field::DayOfMonth => "DayOfMonth".into(),
            Field::AlignedDayOfWeekInMonth => "AlignedDayOfWeekInMonth".into(),
            Field::DayOfWeek => "DayOfWeek".into(),
            Field::AmPmOfDay => "AmPmOfDay".into(),
            Field::HourOfDay => "HourOfDay".into(),
            Field::ClockHourOfDay => "ClockHourOfDay".into(),
            Field::HourOfAmPm => "HourOfAmPm".into(),
            Field::ClockHourOfAmPm => "ClockHourOfAmPm".into(),
            Field::MinuteOfHour => "MinuteOfHour".into(),
            Field::SecondOfMinute => "SecondOfMinute".into(),
            Field::NanoOfSecond => "NanoOfSecond".into(),
            Field::MicroOfSecond => "MicroOfSecond".into(),
            Field::MilliOfSecond => "MilliOfSecond".into(),
            Field::MilliOfDay => "MilliOfDay".into(),
            Field::NanoOfDay => "NanoOfDay".into(),
            Field::SecondOfDay => "SecondOfDay".into(),
            Field::MinuteOfDay => "MinuteOfDay".into(),
            Field::ModifiedJulianDay => "ModifiedJulianDay".into(),
            Field::OffsetSeconds => "OffsetSeconds".into(),
            Field::InstantSeconds => "InstantSeconds".into(),
            Field::WeekBasedYear(w) => format!("WeekBasedYear[{}]", w.name()),
            Field::WeekOfWeekBasedYear(w) => format!("WeekOfWeekBasedYear[{}]", w.name()),
            Field::LocalizedDayOfWeek(w) => format!("DayOfWeek[{}]", w.name()),
            Field::WeekOfMonth(w) => format!("WeekOfMonth[{}]", w.name()),
            Field::IsoWeekBasedYear => "WeekBasedYear".into(),
            Field::IsoWeekOfWeekBasedYear => "WeekOfWeekBasedYear".into(),
        }
    }

    /// (min, max, text of the range as `ValueRange.toString()` prints it).
    pub fn range(self) -> (i64, i64, &'static str) {
        match self {
            Field::Era => (0, 1, "0 - 1"),
            Field::YearOfEra => (1, 999_999_999, "1 - 999999999/1000000000"),
            Field::Year => (-999_999_999, 999_999_999, "-999999999 - 999999999"),
            Field::QuarterOfYear => (1, 4, "1 - 4"),
            Field::MonthOfYear => (1, 12, "1 - 12"),
            Field::DayOfYear => (1, 366, "1 - 365/366"),
            Field::DayOfMonth => (1, 31, "1 - 28/31"),
            Field::AlignedDayOfWeekInMonth => (1, 7, "1 - 7"),
            Field::DayOfWeek => (1, 7, "1 - 7"),
            Field::AmPmOfDay => (0, 1, "0 - 1"),
            Field::HourOfDay => (0, 23, "0 - 23"),
            Field::ClockHourOfDay => (1, 24, "1 - 24"),
            Field::HourOfAmPm => (0, 11, "0 - 11"),
            Field::ClockHourOfAmPm => (1, 12, "1 - 12"),
            Field::MinuteOfHour => (0, 59, "0 - 59"),
            Field::SecondOfMinute => (0, 59, "0 - 59"),
            Field::NanoOfSecond => (0, 999_999_999, "0 - 999999999"),
            Field::MicroOfSecond => (0, 999_999, "0 - 999999"),
            Field::MilliOfSecond => (0, 999, "0 - 999"),
            Field::MilliOfDay => (0, 86_399_999, "0 - 86399999"),
            Field::NanoOfDay => (0, 86_399_999_999_999, "0 - 86399999999999"),
            Field::SecondOfDay => (0, 86_399, "0 - 86399"),
            Field::MinuteOfDay => (0, 1439, "0 - 1439"),
            Field::ModifiedJulianDay => (
                -365_243_219_162 + 40587,
                365_241_780_471 + 40587,
                "-365243178575 - 365241821058",
            ),
            Field::OffsetSeconds => (-64800, 64800, "-64800 - 64800"),
            Field::InstantSeconds => (
                i64::MIN,
                i64::MAX,
                "-9223372036854775808 - 9223372036854775807",
            ),
            Field::WeekBasedYear(_) | Field::IsoWeekBasedYear => {
                (-999_999_999, 999_999_999, "-999999999 - 999999999")
            }
            Field::WeekOfWeekBasedYear(_) | Field::IsoWeekOfWeekBasedYear => (1, 53, "1 - 52/53"),
            Field::LocalizedDayOfWeek(_) => (1, 7, "1 - 7"),
            Field::WeekOfMonth(_) => (0, 6, "0 - 4/6"),
        }
    }

    pub fn check(self, v: i64) -> Result<i64, String> {
        let (lo, hi, text) = self.range();
        if v < lo || v > hi {
            return Err(format!(
                "Invalid value for {} (valid values {text}): {v}",
                self.name()
            ));
        }
        Ok(v)
    }

    pub fn is_time_based(self) -> bool {
        matches!(
            self,
            Field::AmPmOfDay
                | Field::HourOfDay
                | Field::ClockHourOfDay
                | Field::HourOfAmPm
                | Field::ClockHourOfAmPm
                | Field::MinuteOfHour
                | Field::SecondOfMinute
                | Field::NanoOfSecond
                | Field::MicroOfSecond
                | Field::MilliOfSecond
                | Field::MilliOfDay
                | Field::NanoOfDay
                | Field::SecondOfDay
                | Field::MinuteOfDay
        )
    }
}

impl WeekDef {
    fn name(self) -> String {
        let day = [
            "",
            "MONDAY",
            "TUESDAY",
            "WEDNESDAY",
            "THURSDAY",
            "FRIDAY",
            "SATURDAY",
            "SUNDAY",
        ];
        format!(
            "WeekFields[{},{}]",
            day[self.first as usize % 8],
            self.min_days
        )
    }
}
