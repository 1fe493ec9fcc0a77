import ArgumentParser
import LessonKit

/// `--out DIR`, shared by every command that writes or removes the site.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder the site is written to.", valueName: "dir"))
    var out: String = SiteBuilder.defaultOutput
}
