package com.eplly.recommender.ease;

import java.util.stream.IntStream;

/**
 * EASE's weights from its regularised Gram matrix through a Cholesky inverse written as dot
 * products of contiguous rows, four rows against two at a time.
 *
 * <p>Why not LAPACK's dpotrf + dpotri: without a native LAPACK, netlib falls back to F2J's
 * translated Fortran, whose column-major dgemm/dtrmm loops run as the launcher's C1 code (evaluate
 * keeps C2 off, see deploy/bin/reco) and stream the whole matrix from memory once per column. Here
 * each loaded value serves two or four multiply-adds and each row streamed serves four: 3-4x less
 * CPU under C1 for the same n³/2 multiply-adds (G = LLᵀ, V = L⁻ᵀ and P = VVᵀ, n³/6 each); the
 * weights agree with LAPACK's to ~1e-13 (a handful of the n² floats differ in the last bit).
 *
 * <p>Storage, all in the one row-major n×n array: L in the strict lower triangle (its diagonal
 * aside), V = L⁻ᵀ (upper triangular) in the upper triangle and the diagonal.
 */
final class SpdInverse {

  /** Rows of a block; {@link #dots} is written for four. */
  private static final int BLOCK = 4;

  private SpdInverse() {}

  /**
   * B from G + λI ({@code gram} row-major, symmetric, overwritten): B[i][j] = −P[i][j] / P[j][j]
   * off the diagonal and 0 on it, with P = (G + λI)⁻¹; as floats, row-major.
   */
  static float[] easeWeights(double[] gram, int n, double lambda) {
    for (int i = 0; i < n; i++) {
      gram[i * n + i] += lambda;
    }
    double[] diagonal = cholesky(gram, n);
    invertTransposed(gram, n, diagonal);
    return weights(gram, n);
  }

  /** Lower Cholesky factor L into {@code a}'s strict lower triangle; returns L's diagonal. */
  private static double[] cholesky(double[] a, int n) {
    double[] d = new double[n];
    double[] s = new double[2 * BLOCK];
    for (int i = 0; i < n; i += BLOCK) {
      int rows = Math.min(BLOCK, n - i);
      // Columns left of the block: rows i..i+3 against rows j, j+1 (both done), dots over k < j.
      int j = 0;
      for (; j + 1 < i; j += 2) {
        dots(a, n, i, rows, j * n, j * n + n, 0, j, s);
        for (int r = 0; r < rows; r++) {
          int ri = (i + r) * n;
          double lij = (a[ri + j] - s[2 * r]) / d[j];
          a[ri + j] = lij;
          a[ri + j + 1] = (a[ri + j + 1] - s[2 * r + 1] - lij * a[(j + 1) * n + j]) / d[j + 1];
        }
      }
      // i is a multiple of four, so no column is left over; the block's own triangle, one at a time.
      for (int r = i; r < i + rows; r++) {
        int rr = r * n;
        for (int c = i; c < r; c++) {
          a[rr + c] = (a[rr + c] - dot(a, rr, c * n, 0, c)) / d[c];
        }
        double pivot = a[rr + r] - dot(a, rr, rr, 0, r);
        if (!(pivot > 0)) {
          throw new IllegalStateException("EASE: Gram matrix not positive definite (row " + r + ")");
        }
        d[r] = Math.sqrt(pivot);
      }
    }
    return d;
  }

  /**
   * V = L⁻ᵀ into the upper triangle and the diagonal: V[j][j] = 1/L[j][j] and, for i > j,
   * V[j][i] = −(Σ_{j≤k<i} L[i][k]·V[j][k]) / L[i][i], a dot of row i of L with the part of row j
   * of V already filled. Rows j..j+3 of V against rows i, i+1 of L at a time.
   */
  private static void invertTransposed(double[] a, int n, double[] d) {
    blocks(n).forEach(block -> invertRows(a, n, d, block * BLOCK));
  }

  /** Rows j..j+3 of V: they read only L and themselves, so blocks run on any core. */
  private static void invertRows(double[] a, int n, double[] d, int j) {
    double[] s = new double[2 * BLOCK];
    int rows = Math.min(BLOCK, n - j);
    int end = j + rows;
    // The block's own triangle (columns j..end-1), one at a time.
    for (int r = j; r < end; r++) {
      int rr = r * n;
      a[rr + r] = 1 / d[r];
      for (int i = r + 1; i < end; i++) {
        a[rr + i] = -dot(a, i * n, rr, r, i) / d[i];
      }
    }
    int i = end;
    for (; i + 1 < n; i += 2) {
      int ri = i * n;
      int ri1 = ri + n;
      dots(a, n, j, rows, ri, ri1, end, i, s);
      for (int r = 0; r < rows; r++) {
        int rr = (j + r) * n;
        // The head of row j+r of V, before the common columns.
        double head0 = 0;
        double head1 = 0;
        for (int k = j + r; k < end; k++) {
          head0 += a[ri + k] * a[rr + k];
          head1 += a[ri1 + k] * a[rr + k];
        }
        double vi = -(s[2 * r] + head0) / d[i];
        a[rr + i] = vi;
        a[rr + i + 1] = -(s[2 * r + 1] + head1 + a[ri1 + i] * vi) / d[i + 1];
      }
    }
    for (; i < n; i++) {
      for (int r = j; r < end; r++) {
        a[r * n + i] = -dot(a, i * n, r * n, r, i) / d[i];
      }
    }
  }

  /** P = V·Vᵀ (P[i][j]: rows i and j of V from column max(i, j)), scaled into B. */
  private static float[] weights(double[] v, int n) {
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = dot(v, i * n, i * n, i, n);
    }
    float[] b = new float[n * n];
    blocks(n).forEach(block -> weightRows(v, n, p, b, block * BLOCK));
    return b;
  }

  /** B's entries (i, j) and (j, i) for rows i..i+3 and every j > i: no two blocks write the same. */
  private static void weightRows(double[] v, int n, double[] p, float[] b, int i) {
    double[] s = new double[2 * BLOCK];
    int rows = Math.min(BLOCK, n - i);
    int end = i + rows;
    for (int r = i; r < end; r++) {
      for (int c = r + 1; c < end; c++) {
        store(b, n, r, c, dot(v, r * n, c * n, c, n), p);
      }
    }
    int j = end;
    for (; j + 1 < n; j += 2) {
      int rj = j * n;
      int rj1 = rj + n;
      // Row j+1 of V starts at column j+1; row j's column j is added on its own.
      dots(v, n, i, rows, rj, rj1, j + 1, n, s);
      for (int r = 0; r < rows; r++) {
        int rr = (i + r) * n;
        store(b, n, i + r, j, s[2 * r] + v[rr + j] * v[rj + j], p);
        store(b, n, i + r, j + 1, s[2 * r + 1], p);
      }
    }
    for (; j < n; j++) {
      for (int r = i; r < end; r++) {
        store(b, n, r, j, dot(v, r * n, j * n, j, n), p);
      }
    }
  }

  /**
   * The four-row blocks, in parallel: V's and B's blocks are independent (each entry is computed
   * the same way on any thread), and the inverse is most of an EASE fit, the longest fit of a
   * session-file evaluation, during which the other sources leave a core idle. The factorisation
   * stays serial: each block needs all rows above it.
   */
  private static IntStream blocks(int n) {
    return IntStream.range(0, (n + BLOCK - 1) / BLOCK).parallel();
  }

  private static void store(float[] b, int n, int i, int j, double pij, double[] p) {
    b[i * n + j] = (float) (-pij / p[j]);
    b[j * n + i] = (float) (-pij / p[i]);
  }

  /**
   * {@code s[2r + c]} = Σ_{from≤k<to} a[row (x + r)][k] · a[y_c + k] for r below {@code rows}
   * (at most four; missing rows repeat the last, their sums unused) and c = 0, 1.
   */
  private static void dots(double[] a, int n, int x, int rows, int y0, int y1, int from, int to, double[] s) {
    int x0 = x * n;
    int x1 = (x + Math.min(1, rows - 1)) * n;
    int x2 = (x + Math.min(2, rows - 1)) * n;
    int x3 = (x + Math.min(3, rows - 1)) * n;
    double s00 = 0;
    double s01 = 0;
    double s10 = 0;
    double s11 = 0;
    double s20 = 0;
    double s21 = 0;
    double s30 = 0;
    double s31 = 0;
    for (int k = from; k < to; k++) {
      double u = a[y0 + k];
      double w = a[y1 + k];
      double e = a[x0 + k];
      s00 += e * u;
      s01 += e * w;
      e = a[x1 + k];
      s10 += e * u;
      s11 += e * w;
      e = a[x2 + k];
      s20 += e * u;
      s21 += e * w;
      e = a[x3 + k];
      s30 += e * u;
      s31 += e * w;
    }
    s[0] = s00;
    s[1] = s01;
    s[2] = s10;
    s[3] = s11;
    s[4] = s20;
    s[5] = s21;
    s[6] = s30;
    s[7] = s31;
  }

  /** Σ_{from≤k<to} a[x + k] · a[y + k]. */
  private static double dot(double[] a, int x, int y, int from, int to) {
    double s = 0;
    for (int k = from; k < to; k++) {
      s += a[x + k] * a[y + k];
    }
    return s;
  }
}
