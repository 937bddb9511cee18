# Writes the test data sets (CSV) and R's results for them (JSON) beside this script.
#
# Run from this folder with: Rscript generate-expected.R
# (Debian: apt-get install -y r-base-core r-cran-mass). The tests read the committed
# files and never call R. Produced with R 4.2.2 and MASS 7.3.
#
# Factor levels are put in the order `cc regress` uses (numeric order when every level
# is a number, otherwise ordinal string order), with the chosen reference first, so
# R's coefficients come out in the same order as ours.

suppressPackageStartupMessages(library(MASS))
options(warn = 1)

num <- function(x) {
  if (is.null(x) || length(x) == 0 || is.na(x)) return("null")
  if (is.infinite(x)) return("null")
  sprintf("%.17g", x)
}
str_json <- function(s) paste0('"', gsub('"', '\\\\"', s), '"')

level_order <- function(values) {
  lv <- unique(as.character(values[!is.na(values)]))
  as_num <- suppressWarnings(as.numeric(lv))
  if (all(!is.na(as_num))) lv[order(as_num)] else sort(lv, method = "radix")
}

# The exact ends of the profile-likelihood interval: where the deviance, refitted with the
# coefficient held fixed (as an offset), exceeds the fitted deviance by qnorm(0.975)^2.
# confint() interpolates a spline through a grid of such refits instead, which is close
# but not exact (1e-2 relative for mtcars' intercept).
exact_profile <- function(x, y, beta, se, dev0) {
  q2 <- qnorm(0.975)^2
  ends <- matrix(NA_real_, ncol(x), 2)
  for (j in seq_len(ncol(x))) {
    # The profile deviance is a minimum over the other coefficients. IRLS without step
    # control can stop far from it when the fixed coefficient is extreme, from glm.fit's
    # default start or from a warm start (mtcars' wt: deviance 923 too high), so those and
    # a start found by BFGS on the likelihood are all tried and the lowest deviance kept.
    xo <- x[, -j, drop = FALSE]
    refit <- function(b, start) {
      off <- b * x[, j]
      nll <- function(par) {
        eta <- drop(xo %*% par) + off
        -2 * sum(y * eta - ifelse(eta > 0, eta + log1p(exp(-eta)), log1p(exp(eta))))
      }
      grad <- function(par) { eta <- drop(xo %*% par) + off; -2 * drop(crossprod(xo, y - plogis(eta))) }
      bfgs <- tryCatch(optim(start, nll, grad, method = "BFGS", control = list(reltol = 1e-14, maxit = 10000))$par,
                       error = function(e) start)
      fits <- lapply(list(start, NULL, bfgs), function(s)
        suppressWarnings(glm.fit(x[, -j, drop = FALSE], y, offset = b * x[, j], family = binomial(), start = s,
                                 control = glm.control(epsilon = 1e-15, maxit = 500))))
      fits[[which.min(vapply(fits, function(f) f$deviance, 0))]]
    }
    for (side in 1:2) {
      dir <- if (side == 1) -1 else 1
      inner <- beta[j]
      start <- beta[-j]
      outer <- beta[j] + dir * se[j]
      steps <- 0
      repeat {
        fit_outer <- refit(outer, start)
        if (fit_outer$deviance - dev0 - q2 >= 0 || steps >= 60) break
        inner <- outer
        start <- coef(fit_outer)
        outer <- outer + dir * se[j]
        steps <- steps + 1
      }
      if (steps < 60) {
        excess <- function(b) refit(b, start)$deviance - dev0 - q2
        ends[j, side] <- tryCatch(uniroot(excess, sort(c(inner, outer)), tol = 1e-13 * max(1, abs(beta[j])))$root,
                                  error = function(e) NA_real_)
      }
    }
  }
  ends
}

# covariates: character vector in model order; factors: named list col -> reference (or NA for smallest)
fit_case <- function(name, data, outcome, covariates, factors = list()) {
  write.csv(data, paste0(name, ".csv"), row.names = FALSE, na = "NA", quote = TRUE)
  frame <- data
  term_names <- c("(Intercept)")
  for (col in covariates) {
    if (col %in% names(factors)) {
      lv <- level_order(frame[[col]])
      ref <- factors[[col]]
      if (is.na(ref)) ref <- lv[1]
      frame[[col]] <- relevel(factor(as.character(frame[[col]]), levels = lv), ref = ref)
      term_names <- c(term_names, paste0(col, "=", levels(frame[[col]])[-1]))
    } else {
      term_names <- c(term_names, col)
    }
  }
  form <- as.formula(paste(outcome, "~", paste(covariates, collapse = " + ")))
  warnings_seen <- character(0)
  fit <- withCallingHandlers(
    glm(form, family = binomial(), data = frame),
    warning = function(w) {
      warnings_seen <<- c(warnings_seen, conditionMessage(w))
      invokeRestart("muffleWarning")
    })
  s <- summary(fit)
  est <- coef(fit)
  aliased <- is.na(est)
  # The tightly converged fit drops the aliased columns first: with epsilon = 1e-14
  # glm.fit's QR tolerance (epsilon / 1000) would no longer detect them.
  tight_x <- model.matrix(fit)[, !aliased, drop = FALSE]
  tight_y <- fit$y
  tight <- suppressWarnings(glm(tight_y ~ tight_x - 1, family = binomial(),
                                control = glm.control(epsilon = 1e-14, maxit = 100)))
  st <- summary(tight)
  tight_coef <- st$coefficients
  rownames(tight_coef) <- colnames(tight_x)
  cm <- s$coefficients # only non-aliased rows
  exact <- exact_profile(tight_x, tight_y, coef(fit)[!aliased], cm[, 2], deviance(fit))
  profile <- tryCatch(suppressMessages(suppressWarnings(confint(fit))), error = function(e) NULL)
  out <- c("{",
           paste0('  "dataset": ', str_json(name), ","),
           paste0('  "n": ', nobs(fit), ","),
           paste0('  "nDropped": ', nrow(data) - nobs(fit), ","),
           paste0('  "converged": ', tolower(as.character(fit$converged)), ","),
           paste0('  "iterations": ', fit$iter, ","),
           paste0('  "nullDeviance": ', num(fit$null.deviance), ","),
           paste0('  "nullDf": ', fit$df.null, ","),
           paste0('  "residualDeviance": ', num(fit$deviance), ","),
           paste0('  "residualDf": ', fit$df.residual, ","),
           paste0('  "logLikelihood": ', num(as.numeric(logLik(fit))), ","),
           paste0('  "aic": ', num(AIC(fit)), ","),
           paste0('  "tightIterations": ', tight$iter, ","),
           '  "coefficients": [')
  rows <- character(0)
  q <- qnorm(0.975)
  for (i in seq_along(est)) {
    rn <- names(est)[i]
    if (aliased[i]) {
      rows <- c(rows, paste0('    {"term": ', str_json(term_names[i]),
                             ', "estimate": null, "stdError": null, "z": null, "p": null',
                             ', "oddsRatio": null, "ciLower": null, "ciUpper": null',
                             ', "profileLower": null, "profileUpper": null, "profileExactLower": null, "profileExactUpper": null',
                             ', "tightEstimate": null, "tightStdError": null}'))
      next
    }
    b <- cm[rn, 1]; se <- cm[rn, 2]
    k <- which(colnames(tight_x) == rn)
    pl <- if (is.null(profile)) NA else exp(profile[rn, 1])
    pu <- if (is.null(profile)) NA else exp(profile[rn, 2])
    rows <- c(rows, paste0('    {"term": ', str_json(term_names[i]),
                           ', "estimate": ', num(b), ', "stdError": ', num(se),
                           ', "z": ', num(cm[rn, 3]), ', "p": ', num(cm[rn, 4]),
                           ', "oddsRatio": ', num(exp(b)),
                           ', "ciLower": ', num(exp(b - q * se)), ', "ciUpper": ', num(exp(b + q * se)),
                           ', "profileLower": ', num(pl), ', "profileUpper": ', num(pu),
                           ', "profileExactLower": ', num(exp(exact[k, 1])), ', "profileExactUpper": ', num(exp(exact[k, 2])),
                           ', "tightEstimate": ', num(tight_coef[rn, 1]),
                           ', "tightStdError": ', num(tight_coef[rn, 2]), '}'))
  }
  out <- c(out, paste(rows, collapse = ",\n"), "  ],",
           paste0('  "rWarnings": [', paste(vapply(warnings_seen, str_json, ""), collapse = ", "), "]"),
           "}")
  writeLines(out, paste0(name, ".expected.json"))
  cat(name, ": n =", nobs(fit), " iter =", fit$iter, " warnings:", warnings_seen, "\n")
}

# 1. Hosmer & Lemeshow's low birth weight study (MASS::birthwt). bwt is left out: it
#    defines the outcome.
bw <- birthwt[, c("low", "age", "lwt", "race", "smoke", "ptl", "ht", "ui", "ftv")]
fit_case("birthwt", bw, "low", c("age", "lwt", "race", "smoke", "ptl", "ht", "ui", "ftv"),
         list(race = "1"))

# 2. Motor Trend cars: transmission against weight and horsepower.
mt <- mtcars[, c("am", "wt", "hp")]
fit_case("mtcars", mt, "am", c("wt", "hp"))

# 3. Infertility after spontaneous and induced abortion (datasets::infert), education
#    as a factor with its smallest level (ordinal order) as reference.
inf <- infert[, c("case", "age", "parity", "education", "spontaneous", "induced")]
inf$education <- as.character(inf$education)
fit_case("infert", inf, "case", c("age", "parity", "education", "spontaneous", "induced"),
         list(education = NA))

# 4. Pima Indian women, training set (MASS::Pima.tr); outcome type Yes = 1.
pima <- Pima.tr
pima$type <- as.integer(pima$type == "Yes")
pima <- pima[, c("type", "npreg", "glu", "bp", "skin", "bmi", "ped", "age")]
fit_case("pima", pima, "type", c("npreg", "glu", "bp", "skin", "bmi", "ped", "age"))

# 5. MASS::Pima.tr2: the same with 100 more women and missing values (listwise deletion).
pima2 <- Pima.tr2
pima2$type <- as.integer(pima2$type == "Yes")
pima2 <- pima2[, c("type", "npreg", "glu", "bp", "skin", "bmi", "ped", "age")]
fit_case("pima2", pima2, "type", c("npreg", "glu", "bp", "skin", "bmi", "ped", "age"))

# 6. Oesophageal cancer case-control study (datasets::esoph), one row per person,
#    age, alcohol and tobacco groups as unordered factors with their lowest group as
#    reference.
eso <- do.call(rbind, lapply(seq_len(nrow(esoph)), function(i) {
  r <- esoph[i, ]
  n1 <- r$ncases; n0 <- r$ncontrols
  data.frame(case = c(rep(1L, n1), rep(0L, n0)),
             agegp = as.character(r$agegp), alcgp = as.character(r$alcgp),
             tobgp = as.character(r$tobgp), stringsAsFactors = FALSE)
}))
fit_case("esoph", eso, "case", c("agegp", "alcgp", "tobgp"),
         list(agegp = "25-34", alcgp = "0-39g/day", tobgp = "0-9g/day"))

# 7. Collinearity: birthwt with the mother's weight also in kilograms (aliased with lwt)
#    and a smoking indicator duplicated as text.
bwc <- bw
bwc$lwt_kg <- bwc$lwt * 0.45359237
bwc$sum_risk <- bwc$smoke + bwc$ht + bwc$ui
fit_case("collinear", bwc, "low",
         c("age", "lwt", "smoke", "ht", "ui", "lwt_kg", "sum_risk", "race"), list(race = "1"))

# 8. Complete separation: x alone splits the outcome.
sep <- data.frame(y = c(0, 0, 0, 0, 0, 1, 1, 1, 1, 1),
                  x = c(1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
                  z = c(0.3, -1.2, 0.8, 0.1, -0.5, 1.1, -0.7, 0.4, 0.9, -0.2))
fit_case("separation", sep, "y", c("x", "z"))

# 9. Quasi-complete separation: every case in group "c" has outcome 0.
set.seed(20240607)
qs <- data.frame(y = c(1, 0, 1, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 1),
                 group = rep(c("a", "b", "c", "a", "b"), 4),
                 x = round(rnorm(20), 3))
qs$y[qs$group == "c"] <- 0
fit_case("quasiseparation", qs, "y", c("group", "x"), list(group = "a"))
