#include "failure.hpp"

#include <filesystem>
#include <new>

#include <fmt/format.h>

#include "diagnostics.hpp"
#include "exit_codes.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/version.hpp"

namespace llmchecklist::cli {

int report_failure(std::exception_ptr failure)
{
  try {
    std::rethrow_exception(failure);
  } catch (const DataError& error) {
    print_error(error.location(), error.what());
    return k_exit_data;
  } catch (const LookupError& error) {
    std::string message = error.what();
    if (!error.candidates().empty()) {
      message += error.candidates().size() == 1 ? "; did you mean:" : "; candidates:";
      for (const std::string& candidate : error.candidates()) {
        message += fmt::format("\n  {}", candidate);
      }
    }
    print_error(message);
    return k_exit_usage;
  } catch (const UsageError& error) {
    print_error(error.what());
    return k_exit_usage;
  } catch (const IoError& error) {
    print_error(error.what());
    return k_exit_io;
  } catch (const std::filesystem::filesystem_error& error) {
    // The standard library's own I/O failures (a directory that vanished, a path too long).
    print_error(error.what());
    return k_exit_io;
  } catch (const std::bad_alloc&) {
    print_error("out of memory");
    return k_exit_io;
  } catch (const std::exception& error) {
    print_error(fmt::format("internal error: {}. This is a bug in llmchecklist {}; please report "
                            "it with the command that caused it",
                            error.what(), k_version));
    return k_exit_internal;
  } catch (...) {
    print_error(fmt::format("internal error of an unknown kind. This is a bug in llmchecklist "
                            "{}; please report it with the command that caused it",
                            k_version));
    return k_exit_internal;
  }
}

} // namespace llmchecklist::cli
