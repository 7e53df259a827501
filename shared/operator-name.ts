/**
 * The name a person gives the browser console, recorded with each of their confirmations. A module of its own: the
 * console's shell checks it at start, before any page's code, and should not load every recovery schema for it.
 */
import { z } from 'zod';

export const OperatorName = z
  .string()
  .trim()
  .min(1, 'enter your name')
  .max(100)
  .regex(/^[^\p{Cc}]+$/u, 'a name cannot contain control characters');
