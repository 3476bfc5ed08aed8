//! Allowlisted `java.util` / `java.util.stream` members: `Comparator` statics and default
//! methods, `Collectors`, `Stream.concat`/`reduce`/`collect`, `Collections` and `Arrays`
//! statics. Expectations are JDK 17's output for the same expressions (scripts return
//! `toString()`-style text; `!type` is the `caused_by` type of an error).

mod painless_support;

use ingest_emu::painless::run_for_cli;
use serde_json::Value as J;

fn check(cases: &[(&str, &str)]) {
    painless_support::assert_cases(cases, |(script, want)| {
        let got = run_for_cli(script, None, None);
        let ok = match want.strip_prefix('!') {
            Some(ty) => got["error"]["caused_by"]["type"] == J::String(ty.to_string()),
            None => match &got["value"] {
                J::String(s) => s == want,
                J::Null => false,
                other => want.eq(&other.to_string().as_str()),
            },
        };
        (!ok).then(|| format!("{script}\n   want: {want}\n   got:  {got}"))
    });
}

#[test]
fn comparator_statics_and_defaults() {
    check(&[
        ("List a = new ArrayList(['ccc','bb','dd','a']); a.sort(Comparator.comparingInt(s -> s.length()).reversed()); return a.toString()", "[ccc, bb, dd, a]"),
        ("List a = new ArrayList(['ccc','bb','dd','a']); a.add(null); a.sort(Comparator.nullsFirst(Comparator.naturalOrder())); return a.toString()", "[null, a, bb, ccc, dd]"),
        ("List a = new ArrayList(['ccc','bb','dd','a']); a.sort(Comparator.comparing(s -> s.length(), Comparator.reverseOrder())); return a.toString()", "[ccc, bb, dd, a]"),
        ("List a = new ArrayList(['ccc','bb','dd','a']); a.add(null); a.sort(Comparator.nullsLast(Comparator.naturalOrder()).reversed()); return a.toString()", "[null, dd, ccc, bb, a]"),
        ("List a = new ArrayList(['ccc','bb','dd','a']); a.add(null); a.add(1, null); a.sort(Comparator.nullsLast(null)); return a.toString()", "[ccc, bb, dd, a, null, null]"),
        ("List a = new ArrayList(['ccc','bb','dd','a']); a.sort(Comparator.comparingLong(s -> s.length()).thenComparing(Comparator.reverseOrder())); return a.toString()", "[a, dd, bb, ccc]"),
        ("List a = new ArrayList(['ccc','bb','dd','a']); a.sort(Comparator.naturalOrder().thenComparingInt(s -> s.length())); return a.toString()", "[a, bb, ccc, dd]"),
        ("List a = new ArrayList(['ccc','bb','dd','a']); a.sort(Comparator.comparingDouble(s -> -s.length()).thenComparing(s -> s.charAt(0), Comparator.reverseOrder())); return a.toString()", "[ccc, dd, bb, a]"),
        ("return Comparator.comparingDouble(d -> d).compare(-0.0, 0.0)", "-1"),
        ("return Comparator.comparingDouble(d -> d).compare(Double.NaN, 1.0)", "1"),
        ("return Comparator.comparingInt(i -> i).compare(5, 3)", "1"),
        ("return Comparator.comparing(s -> s, (a, b) -> 42).compare('x', 'y')", "42"),
        ("List a = new ArrayList(['b', null, 'a', null, 'c']); a.sort(Comparator.nullsFirst(Comparator.naturalOrder()).thenComparing(Comparator.reverseOrder())); return a.toString()", "[null, null, a, b, c]"),
        ("List a = new ArrayList(['bb', null, 'a', 'cc', null]); a.sort(Comparator.nullsLast(Comparator.comparingInt(s -> s.length())).thenComparingLong(s -> s.charAt(0)).reversed()); return a.toString()", "[null, null, cc, bb, a]"),
        ("return Comparator.comparingInt(null)", "!null_pointer_exception"),
        ("return Comparator.naturalOrder().thenComparing(null)", "!null_pointer_exception"),
        ("return Comparator.nullsFirst(Comparator.naturalOrder()).compare(null, null)", "0"),
        ("return Comparator.nullsFirst(null).compare('a', 'b')", "0"),
        ("List a = new ArrayList([3, 1, 2]); a.sort(Comparator.comparingLong(i -> i * 1L).thenComparingDouble(i -> i).reversed()); return a.toString()", "[3, 2, 1]"),
        ("return Comparator.comparingInt(s -> s.length()).thenComparingInt(s -> s.charAt(0)).compare('ab', 'ac')", "0"),
    ]);
}

#[test]
fn collectors() {
    check(&[
        ("return ['a','bb','cc'].stream().collect(Collectors.partitioningBy(s -> s.length() > 1)).toString()", "{false=[a], true=[bb, cc]}"),
        ("return ['a','bb','cc'].stream().collect(Collectors.partitioningBy(s -> s.length() > 5)).toString()", "{false=[a, bb, cc], true=[]}"),
        ("return ['a','bb','cc'].stream().collect(Collectors.partitioningBy(s -> s.length() > 1, Collectors.counting())).toString()", "{false=1, true=2}"),
        ("return ['a','bb','cc'].stream().collect(Collectors.partitioningBy(s -> s.length() > 1)).get(true).toString()", "[bb, cc]"),
        ("Map m = ['a'].stream().collect(Collectors.partitioningBy(s -> true)); return m.put(true, null)", "!unsupported_operation_exception"),
        ("return '' + ['a','bb','cc'].stream().collect(Collectors.averagingInt(s -> s.length()))", "1.6666666666666667"),
        ("return '' + ['a','bb','cc'].stream().collect(Collectors.averagingLong(s -> s.length()))", "1.6666666666666667"),
        ("return '' + ['a','bb','cc'].stream().collect(Collectors.averagingDouble(s -> s.length()))", "1.6666666666666667"),
        ("return '' + [].stream().collect(Collectors.averagingInt(s -> 1))", "0.0"),
        ("return '' + [0.1, 0.2, 0.3, 1e16, -1e16].stream().collect(Collectors.averagingDouble(d -> d))", "0.0"),
        ("return '' + [0.1, 0.2, 0.3, 1e16, -1e16].stream().collect(Collectors.summingDouble(d -> d))", "0.0"),
        ("return '' + [1e308, 1e308].stream().collect(Collectors.summingDouble(d -> d))", "Infinity"),
        ("return '' + [Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY].stream().collect(Collectors.summingDouble(d -> d))", "NaN"),
        ("return '' + [0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1].stream().collect(Collectors.summingDouble(d -> d))", "1.0"),
        ("return '' + [1, 2, 3].stream().collect(Collectors.summingDouble(i -> i))", "6.0"),
        ("return '' + [Integer.MAX_VALUE, Integer.MAX_VALUE].stream().collect(Collectors.averagingInt(i -> i))", "2.147483647E9"),
        ("return ['a','bb'].stream().collect(Collectors.collectingAndThen(Collectors.toList(), l -> l.size()))", "2"),
        ("return ['a','bb'].stream().collect(Collectors.maxBy(Comparator.naturalOrder())).toString()", "Optional[bb]"),
        ("return ['a','bb'].stream().collect(Collectors.minBy(Comparator.naturalOrder())).toString()", "Optional[a]"),
        ("return [].stream().collect(Collectors.minBy((a, b) -> 0)).toString()", "Optional.empty"),
        ("return ['x','y'].stream().collect(Collectors.maxBy((a, b) -> 0)).toString()", "Optional[x]"),
        ("return ['x','y'].stream().collect(Collectors.minBy((a, b) -> 0)).toString()", "Optional[x]"),
        ("return [1,2,3].stream().collect(Collectors.reducing((a, b) -> a + b)).toString()", "Optional[6]"),
        ("return [1,2,3].stream().collect(Collectors.reducing(10, (a, b) -> a + b))", "16"),
        ("return ['a','bb'].stream().collect(Collectors.reducing(0, s -> s.length(), (a, b) -> a + b))", "3"),
        ("return [].stream().collect(Collectors.reducing((a, b) -> a)).toString()", "Optional.empty"),
        ("return [null].stream().collect(Collectors.reducing((a, b) -> a)).toString()", "Optional.empty"),
        ("return String.valueOf([].stream().collect(Collectors.reducing(null, (a, b) -> a)))", "null"),
        ("return ['b','a','b'].stream().collect(Collectors.toCollection(() -> new TreeSet())).toString()", "[a, b]"),
        ("return ['b','a','b'].stream().collect(Collectors.toCollection(() -> new ArrayList())).toString()", "[b, a, b]"),
        ("return ['a','bb','cc'].stream().collect(Collectors.toMap(s -> s.length(), s -> s, (a, b) -> a + b, () -> new TreeMap())).toString()", "{1=a, 2=bbcc}"),
        ("return ['a','bb','cc'].stream().collect(Collectors.toMap(s -> s.length(), s -> s, (a, b) -> null, () -> new LinkedHashMap())).toString()", "{1=a}"),
        ("return ['a','bb','cc'].stream().collect(Collectors.toMap(s -> s.length(), s -> s, (a, b) -> null)).toString()", "{1=a}"),
        ("return ['a','bb'].stream().collect(Collectors.toMap(s -> s.length(), s -> null, (a, b) -> a, () -> new TreeMap())).toString()", "!null_pointer_exception"),
        ("return ['cc','a','bb'].stream().collect(Collectors.groupingBy(s -> s.length(), () -> new TreeMap(), Collectors.toList())).toString()", "{1=[a], 2=[cc, bb]}"),
        ("return ['cc','a','bb'].stream().collect(Collectors.groupingBy(s -> s.length(), () -> new LinkedHashMap(), Collectors.counting())).toString()", "{2=2, 1=1}"),
        ("return ['cc','a','bb'].stream().collect(Collectors.groupingBy(s -> s.length() > 1 ? null : 1, () -> new TreeMap(), Collectors.counting())).toString()", "!null_pointer_exception"),
        ("return ['a','bb','cc'].stream().collect(Collectors.groupingBy(s -> s.length(), Collectors.partitioningBy(s -> s.startsWith('b')))).toString()", "{1={false=[a], true=[]}, 2={false=[cc], true=[bb]}}"),
        ("return ['a','bb','cc'].stream().collect(Collectors.partitioningBy(s -> s.length() > 1, Collectors.mapping(s -> s.toUpperCase(), Collectors.joining('|')))).toString()", "{false=A, true=BB|CC}"),
        ("return ['a','bb','cc'].stream().collect(Collectors.groupingBy(s -> s.length(), Collectors.maxBy(Comparator.naturalOrder()))).toString()", "{1=Optional[a], 2=Optional[cc]}"),
    ]);
}

#[test]
fn stream_concat_reduce_collect() {
    check(&[
        ("return Stream.concat([1].stream(), [2, 3].stream()).collect(Collectors.toList()).toString()", "[1, 2, 3]"),
        ("return Stream.concat([1, 2].stream(), Stream.empty()).count()", "2"),
        ("return Stream.concat(['b', 'a'].stream(), ['c'].stream()).sorted().collect(Collectors.joining(','))", "a,b,c"),
        ("return Stream.concat(null, [1].stream())", "!null_pointer_exception"),
        ("return [1, 2, 3].stream().reduce(0, (acc, v) -> acc + v, (a, b) -> a + b)", "6"),
        ("return ['a', 'bb'].stream().reduce(10, (acc, s) -> acc + s.length(), (a, b) -> a + b)", "13"),
        ("return Stream.empty().reduce('id', (acc, s) -> acc + s, (a, b) -> a + b)", "id"),
        ("return ['a', 'b'].stream().collect(() -> new ArrayList(), (l, s) -> l.add(s + s), (a, b) -> a.addAll(b)).toString()", "[aa, bb]"),
        ("return ['a', 'b'].stream().collect(() -> new StringBuilder(), (sb, s) -> sb.append(s), (a, b) -> a.append(b)).toString()", "ab"),
        ("return [3, 1, 2].stream().collect(() -> new TreeMap(), (m, i) -> m.put(i, i * i), (a, b) -> a.putAll(b)).toString()", "{1=1, 2=4, 3=9}"),
    ]);
}

#[test]
fn collections_and_arrays_statics() {
    check(&[
        ("return Collections.indexOfSubList([1,2,3,2,3], [2,3])", "1"),
        ("return Collections.lastIndexOfSubList([1,2,3,2,3], [2,3])", "3"),
        ("return Collections.indexOfSubList([1,2], [])", "0"),
        ("return Collections.lastIndexOfSubList([1,2], [])", "2"),
        ("return Collections.indexOfSubList([1,2], [1,2,3])", "-1"),
        ("return Collections.indexOfSubList([1,null,3], [null,3])", "1"),
        ("return Collections.indexOfSubList([1,2L], [2])", "-1"),
        ("return Collections.indexOfSubList(null, [2])", "!null_pointer_exception"),
        ("List d = [1,2,1]; boolean r = Collections.replaceAll(d, 1, 9); return r + ' ' + d", "true [9, 2, 9]"),
        ("List d = [1,null,1]; boolean r = Collections.replaceAll(d, null, 0); return r + ' ' + d", "true [1, 0, 1]"),
        ("List d = [1,2]; boolean r = Collections.replaceAll(d, 5, 0); return r + ' ' + d", "false [1, 2]"),
        ("return Collections.replaceAll(Collections.unmodifiableList([1,2]), 5, 0)", "false"),
        ("return Collections.replaceAll(Collections.unmodifiableList([1,2]), 1, 0)", "!unsupported_operation_exception"),
        ("List d = Arrays.asList(new def[] {1,2,1}); Collections.replaceAll(d, 1, 7); return d.toString()", "[7, 2, 7]"),
        ("List d = [1,2,3]; Collections.copy(d, [8,9]); return d.toString()", "[8, 9, 3]"),
        ("List d = [1]; Collections.copy(d, [8,9]); return d.toString()", "!index_out_of_bounds_exception"),
        ("List d = Collections.unmodifiableList([1]); Collections.copy(d, []); return d.toString()", "[1]"),
        ("List d = Collections.unmodifiableList([1]); Collections.copy(d, [2]); return d.toString()", "!unsupported_operation_exception"),
        ("return Arrays.deepEquals(new Object[] {1, new Object[] {'a', null}}, new Object[] {1, new Object[] {'a', null}})", "true"),
        ("return Arrays.deepEquals(new Object[] {new int[] {1, 2}}, new Object[] {new int[] {1, 2}})", "true"),
        ("return Arrays.deepEquals(new Object[] {new int[] {1, 2}}, new Object[] {new long[] {1, 2}})", "false"),
        ("return Arrays.deepEquals(new Object[] {new int[] {1, 2}}, new Object[] {new Object[] {1, 2}})", "false"),
        ("return Arrays.deepEquals(new Object[] {new String[] {'a'}}, new Object[] {new Object[] {'a'}})", "true"),
        ("return Arrays.deepEquals(new Object[] {1}, new Object[] {1, 2})", "false"),
        ("return Arrays.deepEquals(null, null)", "true"),
        ("return Arrays.deepEquals(new Object[0], null)", "false"),
        ("return Arrays.deepEquals(new Object[] {1, [1,2]}, new Object[] {1, [1,2]})", "true"),
        ("return Arrays.deepEquals(new Object[] {1}, new Object[] {1L})", "false"),
        ("return Arrays.deepHashCode(new Object[] {1, 'a', null, new int[] {3, 4}, new Object[] {true, 2.5, 7L}})", "-1031927374"),
        ("return Arrays.deepHashCode(null)", "0"),
        ("return Arrays.deepHashCode(new Object[0])", "1"),
        ("return Arrays.deepHashCode(new Object[] {['x', 1]})", "4713"),
    ]);
}

/// `Augmentation.groupBy` builds a `LinkedHashMap`, and `Map.findAll`/`groupBy` maps like the
/// receiver (`TreeMap` for a `TreeMap`, else `LinkedHashMap`): insertion order survives.
#[test]
fn augmentation_maps_keep_order() {
    let m = "Map m = new LinkedHashMap(); m.put('z', 1); m.put('a', 2); m.put('m', 3);";
    let t = "Map t = new TreeMap(); t.put('c', 1); t.put('ba', 2); t.put('az', 3);";
    let cases = [
        (
            "return ['z','a','m'].groupBy(x -> x).keySet().toString()".to_string(),
            "[z, a, m]",
        ),
        (
            format!("{m} return m.groupBy((k, v) -> k).toString()"),
            "{z={z=1}, a={a=2}, m={m=3}}",
        ),
        (
            format!("{m} return m.findAll((k, v) -> true).toString()"),
            "{z=1, a=2, m=3}",
        ),
        (
            format!("{m} return m.groupBy((k, v) -> v > 1).toString()"),
            "{false={z=1}, true={a=2, m=3}}",
        ),
        (
            format!("{m} return m.findAll((k, v) -> true) instanceof LinkedHashMap"),
            "true",
        ),
        (
            format!("{t} return t.findAll((k, v) -> true).toString()"),
            "{az=3, ba=2, c=1}",
        ),
        (
            format!("{t} return t.findAll((k, v) -> true) instanceof TreeMap"),
            "true",
        ),
        (
            format!("{t} return t.groupBy((k, v) -> 'g').toString()"),
            "{g={az=3, ba=2, c=1}}",
        ),
    ];
    let cases: Vec<(&str, &str)> = cases.iter().map(|(s, w)| (s.as_str(), *w)).collect();
    check(&cases);
}
