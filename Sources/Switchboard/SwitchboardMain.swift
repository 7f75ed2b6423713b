import ArgumentParser
import Foundation

/// The process entry point: makes every file Switchboard creates private to its user, then runs the
/// command line.
///
/// The database, its `-wal` and `-shm` files (SQLite gives them the database's mode), backups and HTML
/// reports all hold customer data. The caller's umask
/// (a login shell's 022, an MTA's pipe, cron) would leave them world-readable, so the mask is set here,
/// before any command runs: one place, and no command can forget it. systemd's `UMask=0077` in
/// deploy/switchboard.service says the same for the service.
@main
enum SwitchboardMain {
    static func main() async {
        umask(0o077)
        await Switchboard.main()
    }
}
