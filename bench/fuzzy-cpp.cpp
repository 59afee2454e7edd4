// Times rapidfuzz-cpp's fuzz::ratio and fuzz::WRatio on the pairs in a file (one pair per two lines), for
// bench/fuzzy-cpp.ts. Built by that benchmark with g++ -O3 against the header-only rapidfuzz-cpp found in
// $RAPIDFUZZ_CPP_DIR (never vendored here). argv[2]: passes over the pairs per timing (default 1), as the Node side
// makes. Each call is one pair, no cached scorer (as ours). Prints: <ratio seconds> <WRatio seconds> <sum ratio> <sum WRatio>
// <ratio CPU seconds> <WRatio CPU seconds> (wall, then the process's CPU time, which load disturbs less).
#include <rapidfuzz/fuzz.hpp>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <tuple>
#include <vector>

int main(int argc, char** argv) {
  std::ifstream in(argv[1]);
  std::vector<std::string> a, b;
  std::string x, y;
  while (std::getline(in, x) && std::getline(in, y)) { a.push_back(x); b.push_back(y); }
  const int reps = argc > 2 ? std::atoi(argv[2]) : 1;
  auto time = [&](auto f) {
    double sum = 0;
    std::clock_t c0 = std::clock();
    auto t0 = std::chrono::steady_clock::now();
    for (int r = 0; r < reps; r++)
      for (size_t k = 0; k < a.size(); k++) sum += f(a[k], b[k]);
    auto t1 = std::chrono::steady_clock::now();
    std::clock_t c1 = std::clock();
    return std::make_tuple(std::chrono::duration<double>(t1 - t0).count(), sum, double(c1 - c0) / CLOCKS_PER_SEC);
  };
  auto r = time([](const std::string& s, const std::string& t) { return rapidfuzz::fuzz::ratio(s, t); });
  auto w = time([](const std::string& s, const std::string& t) { return rapidfuzz::fuzz::WRatio(s, t); });
  std::printf("%.9f %.9f %.17g %.17g %.9f %.9f\n", std::get<0>(r), std::get<0>(w), std::get<1>(r), std::get<1>(w), std::get<2>(r), std::get<2>(w));
  return 0;
}
