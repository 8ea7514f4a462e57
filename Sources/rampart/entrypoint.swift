import ArgumentParser
import RampartCLI

@main
struct Entrypoint {
    static func main() async {
        await RampartCommand.main()
    }
}
