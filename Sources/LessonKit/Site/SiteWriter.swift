import Foundation

/// Writes a set of files into an output folder all at once.
///
/// Everything is first written to `<out>/.lessons-staging/`; then a commit record
/// is written there and the files are renamed into place. Until the commit record
/// exists the old site is untouched; after it, an interrupted commit is finished by
/// the next run. Only files listed in the manifest are ever removed, and only
/// those or pages with our generator mark are replaced. Nothing is written,
/// moved or removed through a symbolic link inside the folder (it could lead
/// anywhere): a link on the way is refused with an error, before anything is written.
struct SiteWriter {
    static let stagingName = ".lessons-staging"
    static let lockName = ".lessons-lock"

    let root: URL
    private var fm: FileManager { .default }
    private var staging: URL { root.appendingPathComponent(Self.stagingName) }

    init(root: String) {
        root.isEmpty ? (self.root = URL(fileURLWithPath: ".")) : (self.root = URL(fileURLWithPath: root))
    }

    /// Makes the folder hold `files` plus the still-wanted files in `keeping`;
    /// our other files (from the last manifest) are removed, foreign files are left alone.
    func write(files: [String: Data], keeping: Set<String>, statuses: [String: LessonStatus]) throws {
        for path in files.keys { try SitePath.validate(path) }
        try FileSystemFailure.guarding("write into the site folder", root.path) {
            try fm.createDirectory(at: root, withIntermediateDirectories: true)
            try withLock { try commit(files: files, keeping: keeping, statuses: statuses) }
        }
    }

    private func commit(files: [String: Data], keeping: Set<String>, statuses: [String: LessonStatus]) throws {
        try recover()
        let old = try SiteManifest.read(from: root) ?? SiteManifest()
        let owned = Set(old.files)
        for path in files.keys.sorted() {
            try checkNoLink(path)
            if !owned.contains(path) { try checkFree(path) }
        }
        let kept = keeping.intersection(owned).filter { fm.fileExists(atPath: url(path: $0).path) }
        let newFiles = Set(files.keys).union(kept)
        let manifest = SiteManifest(files: newFiles.sorted(), statuses: statuses)

        try removeStaging()
        try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        for (path, data) in files {
            let target = staging.appendingPathComponent(path)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: target)
        }
        try manifest.encoded().write(to: staging.appendingPathComponent(SiteManifest.fileName))
        let commit = SiteCommit(moves: files.keys.sorted(), deletes: owned.subtracting(newFiles).sorted())
        try JSONEncoder().encode(commit).write(to: staging.appendingPathComponent(SiteCommit.fileName),
                                               options: .atomic)  // the commit point
        try apply(commit)
    }

    /// Removes every file we wrote (and the manifest); foreign files stay.
    func removeAll() throws {
        guard fm.fileExists(atPath: root.path) else { return }
        try FileSystemFailure.guarding("clean the site folder", root.path) { try removeOwned() }
        try? fm.removeItem(at: root.appendingPathComponent(Self.lockName))
        if (try? fm.contentsOfDirectory(atPath: root.path))?.isEmpty == true { try? fm.removeItem(at: root) }
    }

    private func removeOwned() throws {
        try withLock {
            try recover()
            guard let old = try SiteManifest.read(from: root) else { return }
            for path in old.files { try remove(path) }
            try? fm.removeItem(at: root.appendingPathComponent(SiteManifest.fileName))
        }
    }

    // MARK: Commit

    /// Finishes a commit an earlier run was interrupted in, or drops its unfinished staging.
    func recover() throws {
        guard let type = fileType(Self.stagingName) else { return }
        guard type == .typeDirectory else { return try removeStaging() }  // never read a commit through a link
        let record = staging.appendingPathComponent(SiteCommit.fileName)
        if let data = fm.contents(atPath: record.path), let commit = try? JSONDecoder().decode(SiteCommit.self, from: data) {
            try apply(commit)
        } else {
            try removeStaging()
        }
    }

    /// Removes the staging folder; a link there is removed itself, never what it points to.
    private func removeStaging() throws {
        guard let type = fileType(Self.stagingName) else { return }
        if type == .typeDirectory { try fm.removeItem(at: staging) } else { unlink(staging.path) }
    }

    private func apply(_ commit: SiteCommit) throws {
        for path in commit.moves {
            try SitePath.validate(path)
            try checkNoLink(path)
        }
        for path in commit.moves {
            let source = staging.appendingPathComponent(path)
            guard fm.fileExists(atPath: source.path) else { continue }  // moved before an interruption
            let target = url(path: path)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard rename(source.path, target.path) == 0 else {
                throw LessonsError(message: "cannot write '\(target.path)': \(String(cString: strerror(errno)))")
            }
        }
        for path in commit.deletes { try remove(path) }
        let manifest = staging.appendingPathComponent(SiteManifest.fileName)
        if fm.fileExists(atPath: manifest.path) {
            guard rename(manifest.path, root.appendingPathComponent(SiteManifest.fileName).path) == 0 else {
                throw LessonsError(message: "cannot write the site manifest in '\(root.path)'")
            }
        }
        try removeStaging()
    }

    /// Removes one of our files, then its folders if that left them empty.
    private func remove(_ path: String) throws {
        // Never follow a tampered manifest out, nor a link on the way.
        guard (try? SitePath.validate(path)) != nil, (try? checkNoLink(path)) != nil else { return }
        let target = url(path: path)
        if fileType(path) == .typeRegular {
            try fm.removeItem(at: target)
        }
        for folder in SitePath.parents(of: path).reversed() where fileType(folder) == .typeDirectory {
            let folderURL = url(path: folder)
            if (try? fm.contentsOfDirectory(atPath: folderURL.path))?.isEmpty == true { try? fm.removeItem(at: folderURL) }
        }
    }

    /// No folder on the way to `path`, nor the file itself, may be a symbolic link
    /// (it could lead outside the site folder) or anything but a plain folder or file.
    private func checkNoLink(_ path: String) throws {
        let parents = SitePath.parents(of: path)
        for part in parents + [path] {
            guard let type = fileType(part) else { continue }
            if type == .typeSymbolicLink {
                throw LessonsError(message: "cannot write '\(url(path: path).path)': '\(url(path: part).path)' is a symbolic link, "
                                   + "and lessons never writes through one (it could lead outside the site folder); "
                                   + "remove the link, or choose another output folder with --out")
            }
            if type != (part == path ? .typeRegular : .typeDirectory) {
                throw LessonsError(message: "cannot write '\(url(path: path).path)': '\(url(path: part).path)' is not a plain "
                                   + (part == path ? "file" : "folder"))
            }
        }
    }

    /// A path we have not written before must not hold someone else's file.
    private func checkFree(_ path: String) throws {
        if fileType(path) != nil, !isGeneratedPage(path) {
            throw LessonsError(message: "'\(url(path: path).path)' exists and was not written by lessons; "
                               + "move it away or choose another output folder with --out")
        }
    }

    /// A plain HTML file that carries our generator mark in its head — the page an
    /// earlier `lessons reference` wrote, or a page of a site whose manifest was
    /// lost — is ours to replace; anything else is someone else's.
    private func isGeneratedPage(_ path: String) -> Bool {
        let file = url(path: path).path
        guard path.hasSuffix(".html"),
              (try? fm.attributesOfItem(atPath: file)[.type] as? FileAttributeType) == .typeRegular,
              let handle = FileHandle(forReadingAtPath: file) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 1024)) ?? Data()
        return String(decoding: head, as: UTF8.self).contains(PageTemplate.generatorMark)
    }

    private func url(path: String) -> URL { root.appendingPathComponent(path) }

    /// The type of what is at `path` itself (a link is a link: nothing is followed); nil when nothing is there.
    private func fileType(_ path: String) -> FileAttributeType? {
        try? fm.attributesOfItem(atPath: url(path: path).path)[.type] as? FileAttributeType
    }

    /// One writer per output folder at a time (two `lessons run` at once queue up).
    private func withLock<T>(_ body: () throws -> T) throws -> T {
        let lock = root.appendingPathComponent(Self.lockName).path
        let fd = open(lock, O_CREAT | O_RDWR | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw LessonsError(message: "cannot write '\(lock)': " + (errno == ELOOP ? "it is a symbolic link" : String(cString: strerror(errno))))
        }
        defer { close(fd) }
        flock(fd, LOCK_EX)
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
