/**
 * Weighted ridge least squares: minimises Σ wᵢ(yᵢ − xᵢ·β)² + λ Σ_{j≥1} β_j² (column 0 is the
 * intercept and is not penalised). Rows are given as a flat row-major matrix with `columns` columns.
 * Solved by Cholesky on the normal equations (the systems here are small: ≤ 16 columns).
 */
export function ridgeRegression(
  rows: Float64Array,
  targets: Float64Array,
  weights: Float64Array,
  columns: number,
  lambda: number,
): Float64Array {
  const gram = new Float64Array(columns * columns);
  const moment = new Float64Array(columns);
  const count = targets.length;
  for (let r = 0; r < count; r++) {
    const w = weights[r];
    if (w === 0) continue;
    const offset = r * columns;
    for (let i = 0; i < columns; i++) {
      const xi = rows[offset + i] * w;
      moment[i] += xi * targets[r];
      for (let j = 0; j <= i; j++) gram[i * columns + j] += xi * rows[offset + j];
    }
  }
  for (let i = 0; i < columns; i++) {
    for (let j = 0; j < i; j++) gram[j * columns + i] = gram[i * columns + j];
    gram[i * columns + i] += i === 0 ? 1e-9 : lambda;
  }
  return solveSymmetricPositiveDefinite(gram, moment, columns);
}

function solveSymmetricPositiveDefinite(matrix: Float64Array, rhs: Float64Array, n: number): Float64Array {
  const lower = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * n + j];
      for (let k = 0; k < j; k++) sum -= lower[i * n + k] * lower[j * n + k];
      lower[i * n + j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / lower[j * n + j];
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = rhs[i];
    for (let k = 0; k < i; k++) sum -= lower[i * n + k] * y[k];
    y[i] = sum / lower[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i];
    for (let k = i + 1; k < n; k++) sum -= lower[k * n + i] * x[k];
    x[i] = sum / lower[i * n + i];
  }
  return x;
}
