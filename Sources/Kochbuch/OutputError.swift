import Foundation
import KochbuchModel

/// A build that could not write its output, in a sentence that names the path and what to do.
public struct OutputError: Error, CustomStringConvertible {
    /// The sentence in both languages.
    public let phrase: Phrase

    /// The sentence in the user's language (`Language.current`).
    public var description: String { phrase.text(in: .current) }

    init(_ error: NSError, output: URL) {
        let path = (error.userInfo[NSFilePathErrorKey] as? String) ?? (error.userInfo[NSURLErrorKey] as? URL)?.path ?? output.path
        let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError
        let code = Int32(underlying?.domain == NSPOSIXErrorDomain ? underlying!.code : (error.domain == NSPOSIXErrorDomain ? error.code : 0))
        let folder = (path as NSString).deletingLastPathComponent
        let unchanged = Phrase(de: "die veröffentlichten Ausgaben sind unverändert", en: "the published editions are unchanged")
        let sentence: Phrase
        switch code {
        case EACCES, EPERM:
            sentence = Phrase(de: "in \(folder) lässt sich nicht schreiben: keine Berechtigung; wählen Sie mit --out einen Ordner, in den Sie schreiben dürfen, oder ändern Sie seine Zugriffsrechte",
                              en: "cannot write into \(folder): permission denied; choose an --out folder you may write to, or change its permissions")
        case EROFS:
            sentence = Phrase(de: "in \(folder) lässt sich nicht schreiben: das Dateisystem ist schreibgeschützt; wählen Sie mit --out einen anderen Ordner",
                              en: "cannot write into \(folder): the file system is read-only; choose another --out")
        case ENOSPC, EDQUOT:
            sentence = Phrase(de: "\(path) lässt sich nicht schreiben: auf dem Datenträger ist kein Platz mehr; geben Sie Speicherplatz frei und starten Sie 'kochbuch build' erneut",
                              en: "cannot write \(path): no space left on the device; free some space and build again")
        case EEXIST, ENOTDIR:
            sentence = Phrase(de: "\(path) lässt sich nicht schreiben: wo ein Ordner hingehört, liegt eine Datei; verschieben Sie die Datei oder wählen Sie mit --out einen anderen Ordner",
                              en: "cannot write \(path): a file is in the way where a folder belongs; move it away or choose another --out")
        case 0:
            sentence = Phrase(de: "\(path) lässt sich nicht schreiben: \(error.localizedDescription)",
                              en: "cannot write \(path): \(error.localizedDescription)")
        default:
            sentence = Phrase(de: "\(path) lässt sich nicht schreiben: ", en: "cannot write \(path): ") + SystemError.phrase(code)
        }
        phrase = sentence + Phrase(de: " (", en: " (") + unchanged + Phrase(de: ")", en: ")")
    }
}

/// The system's message for an `errno` value: the C library's own words in English, and in German
/// for the errors a build or an import meets (the C library speaks English to this process).
enum SystemError {
    static func phrase(_ code: Int32) -> Phrase {
        let english = String(cString: strerror(code))
        let german: String? = switch code {
        case EACCES: "keine Berechtigung"
        case EPERM: "der Vorgang ist nicht erlaubt"
        case ENOENT: "die Datei oder der Ordner existiert nicht"
        case EEXIST: "die Datei existiert bereits"
        case ENOTDIR: "ein Teil des Pfads ist kein Ordner"
        case EISDIR: "das ist ein Ordner"
        case ENOTEMPTY: "der Ordner ist nicht leer"
        case ENOSPC: "auf dem Datenträger ist kein Platz mehr"
        case EDQUOT: "das Speicherkontingent ist erschöpft"
        case EROFS: "das Dateisystem ist schreibgeschützt"
        case EXDEV: "die Ordner liegen auf verschiedenen Dateisystemen"
        case EBUSY: "die Datei oder der Ordner ist belegt"
        case ENAMETOOLONG: "der Name ist zu lang"
        case ELOOP: "zu viele symbolische Links in Folge"
        case EIO: "Ein-/Ausgabefehler"
        case EMFILE, ENFILE: "zu viele offene Dateien"
        default: nil
        }
        return Phrase(de: german ?? english, en: english)
    }
}
