# Times R's glm.fit on the benchmark's synthetic design (1,000,000 x 30), exported by
#   dotnet run -c Release --project bench/ConnectingCommunities.Statistics.Bench -- export DIR
# Run: Rscript r-glm-timing.R DIR [repeats]
args <- commandArgs(TRUE)
dir <- args[1]
repeats <- if (length(args) > 1) as.integer(args[2]) else 3
columns <- readLines(file.path(dir, "columns.txt"))
n <- 1e6
p <- length(columns)
x <- matrix(readBin(file.path(dir, "design.bin"), "double", n * p), n, p)
colnames(x) <- columns
y <- readBin(file.path(dir, "outcome.bin"), "double", n)
times <- numeric(0)
for (r in seq_len(repeats)) {
  invisible(gc())
  times <- c(times, system.time(fit <- glm.fit(x, y, family = binomial()))[["elapsed"]])
}
cat(sprintf("%s, glm.fit(x, y, family = binomial()) on %d x %d\n", R.version.string, n, p))
cat(sprintf("elapsed seconds per fit: %s (best %.2f, mean %.2f)\n", paste(sprintf("%.2f", times), collapse = ", "), min(times), mean(times)))
cat(sprintf("iterations %d, converged %s, deviance %.17g, null deviance %.17g\n", fit$iter, fit$converged, fit$deviance, fit$null.deviance))
cat("coefficients:\n")
cat(sprintf("  %-12s %.17g\n", names(coef(fit)), coef(fit)), sep = "")
