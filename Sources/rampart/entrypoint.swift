import ArgumentParser
import RampartCLI

@main
struct Entrypoint {
    static func main() {
        RampartCommand.main()
    }
}
