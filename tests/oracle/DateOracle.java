// Oracle for tests/dates_oracle.rs: runs date cases through real java.time the way Elasticsearch's
// ingest date processor uses it, and prints one result line per case.
//
// Input (stdin), one case per line, tab separated:  KIND  FORMAT  INPUT  TIMEZONE  LOCALE
//   KIND = PARSE   : date processor parse of INPUT with FORMAT (ISO8601, UNIX, UNIX_MS, TAI64N or a
//                    Java pattern / `||` list of patterns), then printed with the default output
//                    format and ZonedDateTime.toString()
//          FORMAT  : INPUT is epoch millis; print it in TIMEZONE with pattern FORMAT and LOCALE
//          COMPILE : compile FORMAT like DateFormatters.forPattern; print OK or the error text
//          ZONE    : ZoneId.of(INPUT); print its id or the error text
//          LOCALE  : LocaleUtils.parse(INPUT); print Locale.toString() or the error text
//          LANGTAG : Locale.Builder().setLanguageTag(INPUT) (date_index_name); toString() or the error
// Output: "OK\t<result>[\t<result2>]" or "ERR\t<message>".
//
// Run with -Djava.locale.providers=SPI,CLDR and IsoCalendarDataProvider registered, like ES does,
// so that Locale.ROOT has ISO week rules.

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.ParsePosition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAdjusters;
import java.time.temporal.TemporalQueries;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;

public class DateOracle {
    static final DateTimeFormatter OUTPUT = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
        .toFormatter(Locale.ROOT)
        .withResolverStyle(ResolverStyle.STRICT);

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null) {
            String[] f = line.split("\t", -1);
            String result;
            try {
                result = "OK\t" + run(f[0], f[1], f[2], f[3], f[4]);
            } catch (Throwable e) {
                result = "ERR\t" + String.valueOf(e.getMessage()).replace('\n', ' ').replace('\t', ' ');
            }
            out.append(result).append('\n');
        }
        System.out.print(out);
        System.out.flush();
    }

    static String run(String kind, String format, String input, String tz, String locale) {
        switch (kind) {
            case "PARSE": {
                ZoneId zone = ZoneId.of(tz);
                Locale loc = parseLocale(locale);
                ZonedDateTime z = parse(format, input, zone, loc);
                return OUTPUT.format(z) + "\t" + z;
            }
            case "FORMAT": {
                ZonedDateTime z = Instant.ofEpochMilli(Long.parseLong(input)).atZone(ZoneId.of(tz));
                return compileList(format).printer.withLocale(parseLocale(locale)).format(z);
            }
            case "COMPILE":
                compileList(format);
                return "compiled";
            case "ZONE":
                return ZoneId.of(input).getId();
            case "LOCALE":
                return parseLocale(input).toString();
            case "LANGTAG":
                try {
                    return new Locale.Builder().setLanguageTag(input).build().toString();
                } catch (java.util.IllformedLocaleException e) {
                    throw new IllegalArgumentException("Invalid language tag specified: " + input);
                }
            default:
                throw new IllegalArgumentException("unknown kind " + kind);
        }
    }

    // ---- Elasticsearch-like formatter construction (Java patterns, `||` lists, iso8601) ----

    /** A printer and the parsers tried in order, like ES's JavaDateFormatter. */
    static final class Fmt {
        final DateTimeFormatter printer;
        final List<DateTimeFormatter> parsers;

        Fmt(DateTimeFormatter printer, DateTimeFormatter... parsers) {
            this.printer = printer;
            this.parsers = parsers.length == 0 ? List.of(printer) : List.of(parsers);
        }

        Fmt(DateTimeFormatter printer, List<DateTimeFormatter> parsers) {
            this.printer = printer;
            this.parsers = parsers;
        }
    }

    static Fmt compile(String pattern) {
        String p = pattern.trim();
        if (p.isEmpty()) {
            throw new IllegalArgumentException("No date pattern provided");
        }
        Fmt named = Named.get(p);
        if (named != null) {
            return named;
        }
        try {
            DateTimeFormatter f = new DateTimeFormatterBuilder().appendPattern(p)
                .toFormatter(Locale.ROOT)
                .withResolverStyle(ResolverStyle.STRICT);
            return new Fmt(f);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("Invalid format: [" + p + "]: " + e.getMessage(), e);
        }
    }

    static Fmt compileList(String input) {
        if (input.isEmpty()) {
            throw new IllegalArgumentException("No date pattern provided");
        }
        if (input.startsWith("8")) {
            input = input.substring(1);
        }
        List<DateTimeFormatter> parsers = new ArrayList<>();
        DateTimeFormatter printer = null;
        for (String piece : input.split("\\|\\|", -1)) {
            if (piece.isEmpty()) {
                throw new IllegalArgumentException("Cannot have empty element in multi date format pattern: " + input);
            }
            Fmt f = compile(piece);
            if (printer == null) {
                printer = f.printer;
            }
            parsers.addAll(f.parsers);
        }
        return new Fmt(printer, parsers);
    }

    static DateTimeFormatter iso8601() {
        return Named.iso8601Parser();
    }

    static TemporalAccessor parseWith(Fmt fmt, String input, Locale locale) {
        List<DateTimeFormatter> parsers = fmt.parsers;
        if (input.isEmpty()) {
            throw new IllegalArgumentException("cannot parse empty datetime");
        }
        if (parsers.size() == 1) {
            return parsers.get(0).withLocale(locale).parse(input);
        }
        for (DateTimeFormatter f : parsers) {
            ParsePosition pos = new ParsePosition(0);
            Object o = f.withLocale(locale).toFormat().parseObject(input, pos);
            if (o != null && pos.getIndex() == input.length()) {
                return (TemporalAccessor) o;
            }
        }
        throw new IllegalArgumentException("failed to parse with all enclosed parsers");
    }

    // ---- the date processor's format kinds ----

    static ZonedDateTime parse(String format, String input, ZoneId zone, Locale locale) {
        switch (format) {
            case "ISO8601": {
                TemporalAccessor a = parseWith(new Fmt(iso8601()), input, Locale.ROOT);
                return from(a, Locale.ROOT, zone).withZoneSameInstant(zone);
            }
            case "UNIX":
                return Instant.ofEpochMilli((long) (Double.parseDouble(input) * 1000.0)).atZone(zone);
            case "UNIX_MS":
                return Instant.ofEpochMilli(Long.parseLong(input)).atZone(zone);
            case "TAI64N": {
                String d = input.startsWith("@") ? input.substring(1) : input;
                long base = Long.parseLong(d.substring(1, 16), 16);
                long rest = Long.parseLong(d.substring(16, 24), 16);
                return Instant.ofEpochMilli(((base * 1000) - 10000) + (rest / 1000000)).atZone(zone);
            }
            default: {
                TemporalAccessor a = parseWith(compileList(format), input, locale);
                boolean noYear = a.isSupported(ChronoField.YEAR) == false
                    && a.isSupported(ChronoField.YEAR_OF_ERA) == false
                    && a.isSupported(WeekFields.ISO.weekBasedYear()) == false
                    && a.isSupported(WeekFields.of(locale).weekBasedYear()) == false
                    && a.isSupported(ChronoField.INSTANT_SECONDS) == false;
                if (noYear) {
                    ZonedDateTime t = Instant.EPOCH.atZone(ZoneOffset.UTC).withYear(LocalDate.now(ZoneOffset.UTC).getYear());
                    for (ChronoField field : new ChronoField[] { ChronoField.NANO_OF_SECOND, ChronoField.SECOND_OF_DAY,
                        ChronoField.MINUTE_OF_DAY, ChronoField.HOUR_OF_DAY, ChronoField.DAY_OF_MONTH, ChronoField.MONTH_OF_YEAR }) {
                        if (a.isSupported(field)) {
                            t = t.with(field, a.get(field));
                        }
                    }
                    a = t.withZoneSameLocal(zone);
                }
                return from(a, locale, zone).withZoneSameInstant(zone);
            }
        }
    }

    // ---- the accessor to ZonedDateTime conversion the date processor relies on ----

    static int year(TemporalAccessor a) {
        if (a.isSupported(ChronoField.YEAR)) return a.get(ChronoField.YEAR);
        if (a.isSupported(ChronoField.YEAR_OF_ERA)) return a.get(ChronoField.YEAR_OF_ERA);
        return 1970;
    }

    static LocalDate dateOf(TemporalAccessor a) {
        if (a.isSupported(ChronoField.EPOCH_DAY)) return LocalDate.ofEpochDay(a.getLong(ChronoField.EPOCH_DAY));
        if (a.isSupported(ChronoField.YEAR_OF_ERA) || a.isSupported(ChronoField.YEAR)) {
            int y = year(a);
            if (a.isSupported(ChronoField.MONTH_OF_YEAR) && a.isSupported(ChronoField.DAY_OF_MONTH)) {
                return LocalDate.of(y, a.get(ChronoField.MONTH_OF_YEAR), a.get(ChronoField.DAY_OF_MONTH));
            } else if (a.isSupported(ChronoField.DAY_OF_YEAR)) {
                return LocalDate.ofYearDay(y, a.get(ChronoField.DAY_OF_YEAR));
            }
        }
        return null;
    }

    static LocalDate fromWeeks(TemporalAccessor a, WeekFields w) {
        LocalDate d = LocalDate.ofEpochDay(0).with(w.weekBasedYear(), a.get(w.weekBasedYear()));
        if (a.isSupported(w.weekOfWeekBasedYear())) {
            d = d.with(w.weekOfWeekBasedYear(), a.get(w.weekOfWeekBasedYear()));
        }
        return d.with(TemporalAdjusters.previousOrSame(w.getFirstDayOfWeek()));
    }

    static LocalDate fallbackDate(TemporalAccessor a, Locale locale) {
        if (a.isSupported(WeekFields.ISO.weekBasedYear())) return fromWeeks(a, WeekFields.ISO);
        if (a.isSupported(WeekFields.of(locale).weekBasedYear())) return fromWeeks(a, WeekFields.of(locale));
        if (a.isSupported(ChronoField.MONTH_OF_YEAR)) {
            int day = a.isSupported(ChronoField.DAY_OF_MONTH) ? a.get(ChronoField.DAY_OF_MONTH) : 1;
            return LocalDate.of(year(a), a.get(ChronoField.MONTH_OF_YEAR), day);
        }
        return LocalDate.of(1970, 1, 1);
    }

    static ZonedDateTime from(TemporalAccessor a, Locale locale, ZoneId defaultZone) {
        if (a instanceof ZonedDateTime) return (ZonedDateTime) a;
        ZoneId zone = a.query(TemporalQueries.zone());
        if (zone == null) zone = defaultZone;
        LocalDate date = dateOf(a);
        LocalTime time = a.query(TemporalQueries.localTime());
        if (date != null && time != null) return ZonedDateTime.of(date, time, zone);
        if (a.isSupported(ChronoField.INSTANT_SECONDS) && a.isSupported(ChronoField.NANO_OF_SECOND)) {
            return Instant.from(a).atZone(zone);
        }
        if (date != null) return date.atStartOfDay(zone);
        if (time != null) return ZonedDateTime.of(fallbackDate(a, locale), time, zone);
        if (a.isSupported(ChronoField.YEAR) || a.isSupported(ChronoField.YEAR_OF_ERA)) {
            if (a.isSupported(ChronoField.MONTH_OF_YEAR)) {
                return LocalDate.of(year(a), a.get(ChronoField.MONTH_OF_YEAR), 1).atStartOfDay(zone);
            }
            return Year.of(year(a)).atDay(1).atStartOfDay(zone);
        }
        if (a.isSupported(ChronoField.MONTH_OF_YEAR)) return fallbackDate(a, locale).atStartOfDay(zone);
        if (a.isSupported(WeekFields.ISO.weekBasedYear())) return fromWeeks(a, WeekFields.ISO).atStartOfDay(zone);
        if (a.isSupported(WeekFields.of(locale).weekBasedYear())) return fromWeeks(a, WeekFields.of(locale)).atStartOfDay(zone);
        throw new IllegalArgumentException("temporal accessor [" + a + "] cannot be converted to zoned date time");
    }

    // ---- LocaleUtils.parse equivalent ----

    @SuppressWarnings("deprecation")
    static Locale parseLocale(String s) {
        boolean underscore = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '-') break;
            if (c == '_') {
                underscore = true;
                break;
            }
        }
        String[] parts = underscore ? s.split("_", -1) : s.split("-", -1);
        Locale l;
        switch (parts.length) {
            case 3: l = new Locale(parts[0], parts[1], parts[2]); break;
            case 2: l = new Locale(parts[0], parts[1]); break;
            case 1: l = "ROOT".equalsIgnoreCase(parts[0]) ? Locale.ROOT : new Locale(parts[0]); break;
            default:
                throw new IllegalArgumentException("Locales can have at most 3 parts but got " + parts.length + ": " + List.of(parts));
        }
        try {
            l.getISO3Language();
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("Unknown language: " + parts[0], e);
        }
        try {
            l.getISO3Country();
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("Unknown country: " + parts[1], e);
        }
        return l;
    }
}
