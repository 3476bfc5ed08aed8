// The subset of Elasticsearch's named date formats the oracle checks, built with java.time's own
// DateTimeFormatterBuilder following the definitions in ES's DateFormatters.
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

final class Named {
    static final ChronoField Y = ChronoField.YEAR;
    static final ChronoField MO = ChronoField.MONTH_OF_YEAR;
    static final ChronoField D = ChronoField.DAY_OF_MONTH;
    static final ChronoField H = ChronoField.HOUR_OF_DAY;
    static final ChronoField MI = ChronoField.MINUTE_OF_HOUR;
    static final ChronoField S = ChronoField.SECOND_OF_MINUTE;
    static final ChronoField N = ChronoField.NANO_OF_SECOND;
    static final SignStyle NN = SignStyle.NOT_NEGATIVE;

    static DateTimeFormatter strict(DateTimeFormatterBuilder b) {
        return b.toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    static DateTimeFormatterBuilder b() {
        return new DateTimeFormatterBuilder();
    }

    static DateTimeFormatter noColon() {
        return strict(b().appendOffset("+HHmm", "Z"));
    }

    static DateTimeFormatter ymd(int maxYear) {
        return strict(b().appendValue(Y, 4, maxYear, SignStyle.EXCEEDS_PAD).optionalStart().appendLiteral("-").appendValue(MO, 2, 2, NN)
            .optionalStart().appendLiteral('-').appendValue(D, 2, 2, NN).optionalEnd().optionalEnd());
    }

    static DateTimeFormatter hms() {
        return strict(b().appendValue(H, 2, 2, NN).appendLiteral(':').appendValue(MI, 2, 2, NN).appendLiteral(':').appendValue(S, 2, 2, NN));
    }

    static DateTimeFormatter sdotPrinter() {
        return strict(b().append(ymd(9)).appendLiteral('T').optionalStart().appendValue(H, 2, 2, NN).optionalStart().appendLiteral(':')
            .appendValue(MI, 2, 2, NN).optionalStart().appendLiteral(':').appendValue(S, 2, 2, NN).optionalStart()
            .appendFraction(N, 3, 3, true).optionalEnd().optionalEnd().optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalEnd().optionalEnd());
    }

    static DateTimeFormatter iso8601Parser() {
        return strict(b().append(ymd(4)).optionalStart().appendLiteral('T').optionalStart().appendValue(H, 2, 2, NN).optionalStart()
            .appendLiteral(':').appendValue(MI, 2, 2, NN).optionalStart().appendLiteral(':').appendValue(S, 2, 2, NN).optionalStart()
            .appendFraction(N, 1, 9, true).optionalEnd().optionalStart().appendLiteral(",").appendFraction(N, 1, 9, false).optionalEnd()
            .optionalEnd().optionalEnd().optionalEnd().optionalStart().appendZoneOrOffsetId().optionalEnd().optionalStart()
            .append(noColon()).optionalEnd().optionalEnd());
    }

    static DateTimeFormatter sdotParser() {
        return strict(b().append(ymd(4)).optionalStart().appendLiteral('T').optionalStart().appendValue(H, 2, 2, NN).optionalStart()
            .appendLiteral(':').appendValue(MI, 2, 2, NN).optionalStart().appendLiteral(':').appendValue(S, 2, 2, NN).optionalStart()
            .appendFraction(N, 1, 9, true).optionalEnd().optionalStart().appendLiteral(',').appendFraction(N, 1, 9, false).optionalEnd()
            .optionalEnd().optionalStart().appendZoneOrOffsetId().optionalEnd().optionalStart().append(noColon()).optionalEnd()
            .optionalEnd().optionalEnd().optionalEnd());
    }

    static DateTimeFormatter dateLenient() {
        return strict(b().appendValue(Y, 1, 9, SignStyle.NORMAL).optionalStart().appendLiteral('-').appendValue(MO, 1, 2, NN)
            .optionalStart().appendLiteral('-').appendValue(D, 1, 2, NN).optionalEnd().optionalEnd());
    }

    static DateTimeFormatter hmLenient() {
        return strict(b().appendValue(H, 1, 2, NN).appendLiteral(':').appendValue(MI, 1, 2, NN));
    }

    static DateTimeFormatter isoLocalDate() {
        return b().appendValue(Y, 4, 10, SignStyle.EXCEEDS_PAD).appendLiteral('-').appendValue(MO, 2).appendLiteral('-')
            .appendValue(D, 2).toFormatter(Locale.ROOT);
    }

    static DateTimeFormatter basicYmd(int max) {
        return strict(b().appendValue(Y, 4, max, SignStyle.NORMAL).appendValue(MO, 2, 2, NN).appendValue(D, 2, 2, NN));
    }

    static DateTimeFormatter basicTime(boolean printer) {
        return strict(b().appendValue(H, 2, 2, NN).appendValue(MI, 2, 2, NN).appendValue(S, 2, 2, NN)
            .appendFraction(N, printer ? 3 : 1, printer ? 3 : 9, true));
    }

    static Fmt3 tz3(DateTimeFormatter printerBase, DateTimeFormatter parserBase) {
        return new Fmt3(strict(b().append(printerBase).appendOffset("+HH:MM", "Z")),
            strict(b().append(parserBase).appendZoneOrOffsetId()), strict(b().append(parserBase).append(noColon())));
    }

    static final class Fmt3 {
        final DateTimeFormatter p, a, c;

        Fmt3(DateTimeFormatter p, DateTimeFormatter a, DateTimeFormatter c) {
            this.p = p;
            this.a = a;
            this.c = c;
        }

        DateOracle.Fmt fmt() {
            return new DateOracle.Fmt(p, a, c);
        }
    }

    static DateOracle.Fmt get(String name) {
        switch (name) {
            case "iso8601":
                return new DateOracle.Fmt(sdotPrinter(), iso8601Parser());
            case "strict_date_optional_time":
            case "strictDateOptionalTime":
                return new DateOracle.Fmt(sdotPrinter(), sdotParser());
            case "date_optional_time":
                return new DateOracle.Fmt(sdotPrinter(), strict(b().append(dateLenient()).optionalStart().appendLiteral('T').optionalStart()
                    .appendValue(H, 1, 2, NN).optionalStart().appendLiteral(':').appendValue(MI, 1, 2, NN).optionalStart()
                    .appendLiteral(':').appendValue(S, 1, 2, NN).optionalEnd().optionalStart().appendFraction(N, 1, 9, true)
                    .optionalEnd().optionalStart().appendLiteral(',').appendFraction(N, 1, 9, false).optionalEnd().optionalStart()
                    .appendZoneOrOffsetId().optionalEnd().optionalStart().appendOffset("+HHmm", "Z").optionalEnd().optionalEnd()
                    .optionalEnd().optionalEnd()));
            case "strict_date_time": {
                DateTimeFormatter base = strict(b().append(ymd(4)).appendLiteral('T').append(hms()).optionalStart()
                    .appendFraction(N, 1, 9, true).optionalEnd());
                return new DateOracle.Fmt(strict(b().append(ymd(4)).appendLiteral('T').append(hms()).appendFraction(N, 3, 9, true)
                    .appendOffset("+HH:MM", "Z")), strict(b().append(base).appendZoneOrOffsetId()), strict(b().append(base)
                    .append(noColon())));
            }
            case "strict_date_time_no_millis": {
                DateTimeFormatter base = strict(b().append(ymd(4)).appendLiteral('T').append(hms()));
                return tz3(base, base).fmt();
            }
            case "date_time": {
                DateTimeFormatter base = strict(b().append(dateLenient()).appendLiteral('T').append(hmLenient()).optionalStart()
                    .appendLiteral(':').appendValue(S, 1, 2, NN).appendFraction(N, 1, 9, true).optionalEnd());
                return new DateOracle.Fmt(sdotPrinter(), strict(b().append(base).appendOffset("+HH:MM", "Z")),
                    strict(b().append(base).append(noColon())));
            }
            case "basic_date_time":
                return tz3(strict(b().append(basicYmd(10)).append(strict(b().appendLiteral("T").append(basicTime(true))))),
                    strict(b().append(basicYmd(4)).append(strict(b().appendLiteral("T").append(basicTime(false)))))).fmt();
            case "basic_date_time_no_millis": {
                DateTimeFormatter t = strict(b().appendValue(H, 2, 2, NN).appendValue(MI, 2, 2, NN).appendValue(S, 2, 2, NN));
                return tz3(strict(b().append(strict(b().append(basicYmd(10)).appendLiteral("T"))).append(t)),
                    strict(b().append(strict(b().append(basicYmd(4)).appendLiteral("T"))).append(t))).fmt();
            }
            case "basic_date":
                return new DateOracle.Fmt(basicYmd(10).withZone(java.time.ZoneOffset.UTC), strict(b().appendValue(Y, 1, 4, SignStyle.NORMAL)
                    .appendValue(MO, 1, 2, NN).appendValue(D, 1, 2, NN)).withZone(java.time.ZoneOffset.UTC));
            case "strict_date":
                return new DateOracle.Fmt(isoLocalDate().withResolverStyle(ResolverStyle.LENIENT));
            case "date":
                return new DateOracle.Fmt(isoLocalDate().withResolverStyle(ResolverStyle.STRICT), dateLenient());
            case "strict_date_hour_minute_second":
                return new DateOracle.Fmt(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT));
            case "date_hour_minute_second":
                return new DateOracle.Fmt(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT), strict(b().append(dateLenient())
                    .appendLiteral("T").append(strict(b().append(hmLenient()).appendLiteral(":").appendValue(S, 1, 2, NN)))));
            case "strict_year_month_day":
                return new DateOracle.Fmt(ymd(4));
            case "year_month_day":
                return new DateOracle.Fmt(ymd(4), strict(b().appendValue(Y).appendLiteral("-").appendValue(MO).appendLiteral("-")
                    .appendValue(D)));
            case "strict_hour_minute_second":
                return new DateOracle.Fmt(hms());
            case "hour_minute":
                return new DateOracle.Fmt(DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT), hmLenient());
            case "time": {
                DateTimeFormatter prefix = strict(b().appendValue(H, 1, 2, NN).appendLiteral(':').appendValue(MI, 1, 2, NN)
                    .appendLiteral(':').appendValue(S, 1, 2, NN).appendFraction(N, 1, 9, true));
                return tz3(strict(b().append(hms()).appendFraction(N, 3, 3, true)), prefix).fmt();
            }
            case "t_time": {
                DateTimeFormatter prefix = strict(b().appendLiteral("T").appendValue(H, 1, 2, NN).appendLiteral(':')
                    .appendValue(MI, 1, 2, NN).appendLiteral(':').appendValue(S, 1, 2, NN).appendFraction(N, 1, 9, true));
                return tz3(strict(b().appendLiteral('T').append(hms()).appendFraction(N, 3, 3, true)), prefix).fmt();
            }
            case "ordinal_date":
                return new DateOracle.Fmt(strict(b().appendValue(Y, 4, 10, SignStyle.EXCEEDS_PAD).appendLiteral('-')
                    .appendValue(ChronoField.DAY_OF_YEAR, 3, 3, NN)), strict(b().appendValue(Y, 4, 10, SignStyle.EXCEEDS_PAD)
                    .appendLiteral('-').appendValue(ChronoField.DAY_OF_YEAR, 1, 3, NN)));
            case "strict_ordinal_date_time": {
                DateTimeFormatter base = strict(b().appendValue(Y, 4, 4, SignStyle.EXCEEDS_PAD).appendLiteral('-')
                    .appendValue(ChronoField.DAY_OF_YEAR, 3, 3, NN).appendLiteral('T').appendPattern("HH:mm").optionalStart()
                    .appendLiteral(':').appendValue(S, 2, 2, NN).appendFraction(N, 1, 9, true).optionalEnd());
                DateTimeFormatter printer = strict(b().appendValue(Y, 4, 4, SignStyle.EXCEEDS_PAD).appendLiteral('-')
                    .appendValue(ChronoField.DAY_OF_YEAR, 3, 3, NN).appendLiteral('T').appendPattern("HH:mm").optionalStart()
                    .appendLiteral(':').appendValue(S, 2, 2, NN).appendFraction(N, 3, 9, true).optionalEnd());
                return tz3(printer, base).fmt();
            }
            case "weekyear_week_day": {
                java.time.temporal.WeekFields w = java.time.temporal.WeekFields.ISO;
                DateTimeFormatter sww = strict(b().appendValue(w.weekBasedYear(), 4, 10, SignStyle.EXCEEDS_PAD).appendLiteral("-W")
                    .appendValue(w.weekOfWeekBasedYear(), 2, 2, NN));
                return new DateOracle.Fmt(strict(b().append(sww).appendLiteral("-").appendValue(w.dayOfWeek())),
                    strict(b().appendValue(w.weekBasedYear()).appendLiteral("-W").appendValue(w.weekOfWeekBasedYear())
                        .appendLiteral("-").appendValue(w.dayOfWeek())));
            }
            case "week_date": {
                DateTimeFormatter iso = strict(b().parseCaseInsensitive().appendValue(java.time.temporal.IsoFields.WEEK_BASED_YEAR, 4, 10,
                    SignStyle.EXCEEDS_PAD).appendLiteral("-W").appendValue(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR, 2)
                    .appendLiteral('-').appendValue(ChronoField.DAY_OF_WEEK, 1));
                DateTimeFormatter len = strict(b().appendValue(java.time.temporal.IsoFields.WEEK_BASED_YEAR, 4, 10, SignStyle.EXCEEDS_PAD)
                    .appendLiteral("-W").appendValue(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR, 1, 2, NN).appendLiteral('-')
                    .appendValue(ChronoField.DAY_OF_WEEK, 1));
                return new DateOracle.Fmt(iso, len);
            }
            default:
                return null;
        }
    }
}
