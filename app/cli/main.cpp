#include "cli_options.h"
#include "commands.h"

#include <exception>
#include <iostream>

int main(int argc, char** argv)
{
    try {
        const parlab::CliParse parse = parlab::parse_cli(argc, argv);
        if (parse.exit_code)
            return *parse.exit_code;
        const parlab::CliOptions& options = parse.options;
        if (options.command == "list")
            return parlab::list_command();
        if (options.command == "lesson")
            return parlab::lesson_command(options);
        if (options.command == "machine")
            return parlab::machine_command(options);
        return parlab::run_command(options);
    } catch (const std::exception& error) {
        std::cerr << "parlab-cli: " << error.what() << '\n';
        return 1;
    }
}
