import FuzzSupport
import VigilServer

/// Any bytes as one request line: the decoder answers with an op or an error code, never crashes;
/// FuzzEntry also checks that parsed JSON survives encode -> parse.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    FuzzEntry.decodeRequest(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

runFuzzer(fuzz)
