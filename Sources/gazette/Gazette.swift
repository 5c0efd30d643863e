import ArgumentParser
import Glibc
import GazetteCore

struct Gazette: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A static site generator for news archives.",
        version: GazetteVersion.current,
        subcommands: [BuildCommand.self, ServeCommand.self, NewCommand.self, ImportCommand.self, CheckCommand.self, RenderCommand.self]
    )
}

@main
enum Main {
    static func main() async {
        // Each malloc arena of a worker thread otherwise grows its heap a few pages at a time, one
        // mprotect each: thousands of system calls, an eighth of a no-change build. Address space only;
        // pages still count when touched.
        _ = mallopt(mallocTopPad, 64 << 20)
        await Gazette.main()
    }
}

// glibc's <malloc.h>, which the Glibc module does not bring in.
@_silgen_name("mallopt") private func mallopt(_ parameter: CInt, _ value: CInt) -> CInt
private let mallocTopPad: CInt = -2  // M_TOP_PAD
