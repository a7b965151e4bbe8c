#if canImport(Glibc)
import Glibc
#endif

/// The machine's cores, for sizing worker pools (index build, bulk screening, monitor).
public enum Machine {
    public static var coreCount: Int {
        #if canImport(Glibc)
        return Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        #else
        return 2
        #endif
    }
}
