// StrictMath results for tests/fdlibm_oracle.rs: for every double function, deterministic inputs
// (all magnitudes, signs, subnormals, zeros, infinities, NaN, and inputs each algorithm finds hard)
// and the raw bits of StrictMath's result. One line per case: `name x [y] result`, in hex bits.
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

public class FdlibmOracle {
    static final int PER_FUNCTION = 24000;
    static long state = 0x9E3779B97F4A7C15L;

    static long next() {
        state ^= state << 13;
        state ^= state >>> 7;
        state ^= state << 17;
        return state;
    }

    static int below(int n) {
        return (int) Long.remainderUnsigned(next(), n);
    }

    static double unit() {
        return (next() >>> 11) * 0x1.0p-53;
    }

    static double signed(double v) {
        return (next() & 1) == 0 ? v : -v;
    }

    /** Uniform over all bit patterns (mostly huge or tiny magnitudes, some NaNs). */
    static double anyBits() {
        return Double.longBitsToDouble(next());
    }

    /** A random significand scaled by 2^e, e uniform in [emin, emax] (subnormal below -1022). */
    static double mag(int emin, int emax) {
        return Math.scalb(1.0 + unit(), emin + below(emax - emin + 1));
    }

    static double uniform(double lo, double hi) {
        return lo + unit() * (hi - lo);
    }

    /** A few ulps away from v. */
    static double near(double v) {
        int steps = below(7) - 3;
        for (; steps > 0; steps--) v = Math.nextUp(v);
        for (; steps < 0; steps++) v = Math.nextDown(v);
        return v;
    }

    static final double[] SPECIALS = {
        0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL,
        Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE, -Double.MAX_VALUE,
        1.0, -1.0, Math.nextUp(1.0), Math.nextDown(1.0), Math.nextUp(-1.0), Math.nextDown(-1.0),
        0.5, -0.5, 2.0, -2.0, 3.0, 10.0, 0.1, -0.1, 100.0, 1e-5, 1e-300, -1e-300, 1e300, -1e300,
        1e22, 1e-22, Math.PI, -Math.PI, Math.PI / 2, -Math.PI / 2, Math.PI / 4, Math.E, 22.0, -22.0,
        709.782712893384, 710.0, -710.0, 710.4758600739439, 710.475860073944, -745.2, 0x1.0p-28,
        0x1.0p-29, 0x1.0p-54, 0x1.0p-55, 0x1.0p-27, 0x1.0p19 * Math.PI / 2, 0x1.0p20, 0x1.0p52,
        0x1.0p53, 0x1.0p60, 0x1.0p500, 0x1.0p-500, 0x1.0p1023, 0x1.0p-1074 * 3, 0.41422, -0.2929,
        0.3465735902799726, 1.0397207708399179, 0.6931471805599453, 0.9, 0.98, -0.975,
    };

    interface Gen {
        double get();
    }

    interface PairGen {
        double[] get();
    }

    static final StringBuilder out = new StringBuilder();

    static void hex(double v) {
        out.append(' ').append(Long.toHexString(Double.doubleToRawLongBits(v)));
    }

    static void unary(String name, DoubleUnaryOperator f, Gen range, Gen hard) {
        for (int i = 0; i < PER_FUNCTION + SPECIALS.length; i++) {
            double x;
            if (i < SPECIALS.length) {
                x = SPECIALS[i];
            } else {
                switch (i % 6) {
                    case 0: x = anyBits(); break;
                    case 1: x = signed(mag(-1074, 1023)); break;
                    case 2: x = signed(mag(-40, 12)); break;
                    case 3: x = range.get(); break;
                    default: x = hard.get(); break;
                }
            }
            out.append(name);
            hex(x);
            hex(f.applyAsDouble(x));
            out.append('\n');
        }
    }

    static void binary(String name, DoubleBinaryOperator f, PairGen hard) {
        for (int i = 0; i < PER_FUNCTION + SPECIALS.length * SPECIALS.length; i++) {
            double x, y;
            if (i < SPECIALS.length * SPECIALS.length) {
                x = SPECIALS[i / SPECIALS.length];
                y = SPECIALS[i % SPECIALS.length];
            } else {
                switch (i % 4) {
                    case 0: x = anyBits(); y = anyBits(); break;
                    case 1: x = signed(mag(-1074, 1023)); y = signed(mag(-1074, 1023)); break;
                    case 2: x = signed(mag(-40, 12)); y = signed(mag(-40, 12)); break;
                    default: double[] p = hard.get(); x = p[0]; y = p[1]; break;
                }
            }
            out.append(name);
            hex(x);
            hex(y);
            hex(f.applyAsDouble(x, y));
            out.append('\n');
        }
    }

    /** Near a multiple of pi/2, small or huge. */
    static double nearPio2() {
        switch (below(4)) {
            case 0: return near(signed(below(64) * (Math.PI / 2)));
            case 1: return near(signed((1 + below(1 << 20)) * (Math.PI / 2)));
            case 2: return near(signed((double) next() * (Math.PI / 2)));
            default: return signed(mag(19, 1023));
        }
    }

    static double powerOfTen() {
        double p = Double.parseDouble("1e" + (below(632) - 323));
        return below(3) == 0 ? near(p) : p;
    }

    public static void main(String[] args) {
        Gen small = () -> uniform(-1, 1);
        unary("asin", StrictMath::asin, small, () -> signed(uniform(0.5, 1)));
        unary("acos", StrictMath::acos, small, () -> signed(uniform(0.5, 1)));
        unary("atan", StrictMath::atan, () -> uniform(-10, 10), () -> signed(mag(-30, 70)));
        unary("exp", StrictMath::exp, () -> uniform(-750, 710), () -> uniform(-2, 2));
        unary("expm1", StrictMath::expm1, () -> uniform(-40, 710), () -> uniform(-2, 2));
        unary("tan", StrictMath::tan, () -> uniform(-10, 10), FdlibmOracle::nearPio2);
        unary("sin", StrictMath::sin, () -> uniform(-1e6, 1e6), FdlibmOracle::nearPio2);
        unary("cos", StrictMath::cos, () -> uniform(-1e6, 1e6), FdlibmOracle::nearPio2);
        unary("cbrt", StrictMath::cbrt, () -> uniform(-1e3, 1e3),
              () -> signed(below(2) == 0 ? mag(-1074, -1000) : (double) below(1 << 20) * below(1 << 10)));
        unary("sinh", StrictMath::sinh, () -> uniform(-30, 30),
              () -> signed(below(2) == 0 ? uniform(700, 711) : near(below(3) == 0 ? 22.0 : 710.4758600739439)));
        unary("cosh", StrictMath::cosh, () -> uniform(-30, 30),
              () -> signed(below(2) == 0 ? uniform(700, 711) : uniform(0, 0.4)));
        unary("tanh", StrictMath::tanh, () -> uniform(-3, 3), () -> signed(uniform(0, 25)));
        unary("log", StrictMath::log, () -> uniform(0, 1e6),
              () -> below(2) == 0 ? uniform(0.5, 2) : near(1.0 + signed(mag(-60, -15))));
        unary("log10", StrictMath::log10, () -> uniform(0, 1e6), FdlibmOracle::powerOfTen);
        unary("log1p", StrictMath::log1p, () -> uniform(-1, 1),
              () -> below(2) == 0 ? near(-1 + mag(-60, -1)) : signed(mag(-60, 0)));
        binary("atan2", StrictMath::atan2, () -> below(2) == 0
               ? new double[] {uniform(-10, 10), uniform(-10, 10)}
               : new double[] {signed(mag(-100, 100)), signed(mag(-100, 100))});
        binary("hypot", StrictMath::hypot, () -> {
            double a = signed(mag(-1074, 1023));
            return below(2) == 0 ? new double[] {a, a * uniform(0.3, 3)}
                                 : new double[] {a, signed(Math.scalb(a, below(130) - 65))};
        });
        binary("pow", StrictMath::pow, () -> {
            switch (below(6)) {
                case 0: return new double[] {uniform(0, 10), uniform(-50, 50)};
                case 1: return new double[] {signed(below(100)), below(200) - 100};
                case 2: return new double[] {near(1 + signed(mag(-60, -20))), signed(mag(20, 70))};
                case 3: return new double[] {uniform(0.5, 4), uniform(-1100, 1100)};
                case 4: return new double[] {-uniform(0, 3), Math.rint(signed(mag(0, 60)))};
                default:
                    double[] ys = {0.5, -0.5, 1.0 / 3, 2, 3, -1, -2, 0.25, 1.5};
                    return new double[] {signed(mag(-1074, 1023)), ys[below(ys.length)]};
            }
        });
        System.out.print(out);
    }
}
