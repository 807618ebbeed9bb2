;; The record parser's WebAssembly line scanner: reads whole lines of flow-log records and checks
;; every field of every line by its kind, writing one result record a line for JavaScript to read.
;;
;; Memory layout (shared with line-scanner.ts, which owns it):
;;   [8, 12)     the position after the last line read (written on return)
;;   [64, 256)   the field kinds, one byte each (FieldCheck in the low three bits, KEEP = 8)
;;   out ...     one result record a line, `16 + 16 * fields` bytes:
;;                 +0 status (0 hand back to JavaScript, 1 record, 2 empty line), +4 from, +8 to
;;                 then a 16-byte slot a field, written only for kept fields:
;;                 +0 f64 value (number, address number, word index), +8 start (-1 for `-`), +12 end
;;   at ... end  the input: whole lines, the last ending in \n, with 16 readable bytes after `end`
;;
;; A line is handed back (status 0) whenever the scanner is not sure, exactly where the JavaScript
;; fast path would hand it back; numbers longer than 15 digits are handed back too, since past 2^53
;; JavaScript's digit-by-digit arithmetic rounds and i64 does not.
(module
  (memory (export "memory") 1)
  (func (export "scan") (param $at i32) (param $end i32) (param $out i32) (param $max i32) (param $n i32) (result i32)
    (local $lines i32) (local $from i32) (local $to i32) (local $p i32) (local $s i32) (local $rec i32)
    (local $i i32) (local $kind i32) (local $c i32) (local $d i32) (local $v i64) (local $slot i32)
    (local $part i32) (local $dots i32) (local $digits i32) (local $addr i32) (local $len i32) (local $or i32)
    (local $stride i32) (local $mask i32) (local $word i32)
    (local.set $stride (i32.add (i32.const 16) (i32.shl (local.get $n) (i32.const 4))))
    (block $exit
      (loop $line
        (br_if $exit (i32.ge_u (local.get $at) (local.get $end)))
        (br_if $exit (i32.ge_u (local.get $lines) (local.get $max)))
        (local.set $from (local.get $at))
        ;; The line's end: 16 bytes at a time (the input ends with \n, so one is found).
        (local.set $p (local.get $at))
        (block $found
          (loop $find
            (local.set $mask (i8x16.bitmask (i8x16.eq (v128.load (local.get $p)) (i8x16.splat (i32.const 10)))))
            (br_if $found (local.get $mask))
            (local.set $p (i32.add (local.get $p) (i32.const 16)))
            (br $find)))
        (local.set $to (i32.add (local.get $p) (i32.ctz (local.get $mask))))
        (local.set $at (i32.add (local.get $to) (i32.const 1)))
        ;; One \r before the \n is not part of the line.
        (if (i32.gt_u (local.get $to) (local.get $from))
          (then
            (if (i32.eq (i32.load8_u (i32.sub (local.get $to) (i32.const 1))) (i32.const 13))
              (then (local.set $to (i32.sub (local.get $to) (i32.const 1)))))))
        (local.set $rec (i32.add (local.get $out) (i32.mul (local.get $lines) (local.get $stride))))
        (local.set $lines (i32.add (local.get $lines) (i32.const 1)))
        (i32.store offset=4 (local.get $rec) (local.get $from))
        (i32.store offset=8 (local.get $rec) (local.get $to))
        (if (i32.eq (local.get $to) (local.get $from))
          (then (i32.store (local.get $rec) (i32.const 2)) (br $line)))
        (block $handBack
          ;; A line starting with a space or a control byte may be blank: JavaScript decides.
          (br_if $handBack (i32.le_u (i32.load8_u (local.get $from)) (i32.const 32)))
          (local.set $p (local.get $from))
          (local.set $i (i32.const 0))
          (loop $field
            (local.set $s (local.get $p))
            (local.set $kind (i32.load8_u offset=64 (local.get $i)))
            (local.set $slot (i32.add (local.get $rec) (i32.add (i32.const 16) (i32.shl (local.get $i) (i32.const 4)))))
            (if (i32.and
                  (i32.eq (i32.load8_u (local.get $s)) (i32.const 45))
                  (i32.or (i32.eq (i32.add (local.get $s) (i32.const 1)) (local.get $to)) (i32.eq (i32.load8_u offset=1 (local.get $s)) (i32.const 32))))
              (then
                ;; `-`: no value, for every kind.
                (local.set $p (i32.add (local.get $s) (i32.const 1)))
                (if (i32.and (local.get $kind) (i32.const 8))
                  (then (i32.store offset=8 (local.get $slot) (i32.const -1)))))
              (else
                (block $read
                  (block $text
                    (block $status
                      (block $action
                        (block $address
                          (block $integer
                            (br_table $text $integer $address $action $status $text $text $text
                              (i32.and (local.get $kind) (i32.const 7))))
                          ;; An integer: 1 to 15 digits (a number the query does not read is only checked).
                          (if (i32.eqz (i32.and (local.get $kind) (i32.const 8)))
                            (then
                              (block $checkEnd
                                (loop $check
                                  (br_if $checkEnd (i32.gt_u (i32.sub (i32.load8_u (local.get $p)) (i32.const 48)) (i32.const 9)))
                                  (local.set $p (i32.add (local.get $p) (i32.const 1)))
                                  (br $check)))
                              (local.set $len (i32.sub (local.get $p) (local.get $s)))
                              (br_if $handBack (i32.or (i32.eqz (local.get $len)) (i32.gt_u (local.get $len) (i32.const 15))))
                              (br $read)))
                          (local.set $v (i64.const 0))
                          (block $digitsEnd
                            (loop $digit
                              (local.set $d (i32.sub (i32.load8_u (local.get $p)) (i32.const 48)))
                              (br_if $digitsEnd (i32.gt_u (local.get $d) (i32.const 9)))
                              (local.set $v (i64.add (i64.mul (local.get $v) (i64.const 10)) (i64.extend_i32_u (local.get $d))))
                              (local.set $p (i32.add (local.get $p) (i32.const 1)))
                              (br $digit)))
                          (local.set $len (i32.sub (local.get $p) (local.get $s)))
                          (br_if $handBack (i32.or (i32.eqz (local.get $len)) (i32.gt_u (local.get $len) (i32.const 15))))
                          (if (i32.and (local.get $kind) (i32.const 8))
                            (then
                              (f64.store (local.get $slot) (f64.convert_i64_u (local.get $v)))
                              (i32.store offset=8 (local.get $slot) (local.get $s))))
                          (br $read))
                        ;; A dotted-quad IPv4 address: four parts of 1 to 3 digits, each at most 255.
                        (local.set $addr (i32.const 0))
                        (local.set $part (i32.const 0))
                        (local.set $dots (i32.const 0))
                        (local.set $digits (i32.const 0))
                        (block $addressEnd
                          (loop $octet
                            (local.set $c (i32.load8_u (local.get $p)))
                            (if (i32.eq (local.get $c) (i32.const 46))
                              (then
                                (br_if $handBack (i32.or (i32.eqz (local.get $digits)) (i32.gt_u (local.get $part) (i32.const 255))))
                                (local.set $dots (i32.add (local.get $dots) (i32.const 1)))
                                (local.set $addr (i32.or (i32.shl (local.get $addr) (i32.const 8)) (local.get $part)))
                                (local.set $part (i32.const 0))
                                (local.set $digits (i32.const 0))
                                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                                (br $octet)))
                            (local.set $d (i32.sub (local.get $c) (i32.const 48)))
                            (br_if $addressEnd (i32.gt_u (local.get $d) (i32.const 9)))
                            (local.set $digits (i32.add (local.get $digits) (i32.const 1)))
                            (br_if $handBack (i32.gt_u (local.get $digits) (i32.const 3)))
                            (local.set $part (i32.add (i32.mul (local.get $part) (i32.const 10)) (local.get $d)))
                            (local.set $p (i32.add (local.get $p) (i32.const 1)))
                            (br $octet)))
                        (br_if $handBack
                          (i32.or (i32.ne (local.get $dots) (i32.const 3))
                            (i32.or (i32.eqz (local.get $digits)) (i32.gt_u (local.get $part) (i32.const 255)))))
                        (if (i32.and (local.get $kind) (i32.const 8))
                          (then
                            (f64.store (local.get $slot)
                              (f64.convert_i32_u (i32.or (i32.shl (local.get $addr) (i32.const 8)) (local.get $part))))
                            (i32.store offset=8 (local.get $slot) (local.get $s))
                            (i32.store offset=12 (local.get $slot) (local.get $p))))
                        (br $read))
                      ;; The action: ACCEPT (0) or REJECT (1).
                      (block $wordEnd
                        (loop $byte
                          (br_if $wordEnd (i32.ge_u (local.get $p) (local.get $to)))
                          (br_if $wordEnd (i32.eq (i32.load8_u (local.get $p)) (i32.const 32)))
                          (local.set $p (i32.add (local.get $p) (i32.const 1)))
                          (br $byte)))
                      (br_if $handBack (i32.ne (i32.sub (local.get $p) (local.get $s)) (i32.const 6)))
                      (local.set $word (i32.load (local.get $s)))
                      (local.set $c (i32.load16_u offset=4 (local.get $s)))
                      (if (i32.and (i32.eq (local.get $word) (i32.const 0x45434341)) (i32.eq (local.get $c) (i32.const 0x5450)))
                        (then (local.set $d (i32.const 0)))
                        (else
                          (br_if $handBack
                            (i32.eqz (i32.and (i32.eq (local.get $word) (i32.const 0x454A4552)) (i32.eq (local.get $c) (i32.const 0x5443)))))
                          (local.set $d (i32.const 1))))
                      (if (i32.and (local.get $kind) (i32.const 8))
                        (then
                          (f64.store (local.get $slot) (f64.convert_i32_u (local.get $d)))
                          (i32.store offset=8 (local.get $slot) (local.get $s))))
                      (br $read))
                    ;; The log status: OK (0), NODATA (1) or SKIPDATA (2).
                    (block $statusEnd
                      (loop $byte
                        (br_if $statusEnd (i32.ge_u (local.get $p) (local.get $to)))
                        (br_if $statusEnd (i32.eq (i32.load8_u (local.get $p)) (i32.const 32)))
                        (local.set $p (i32.add (local.get $p) (i32.const 1)))
                        (br $byte)))
                    (local.set $len (i32.sub (local.get $p) (local.get $s)))
                    (local.set $d (i32.const -1))
                    (if (i32.and (i32.eq (local.get $len) (i32.const 2)) (i32.eq (i32.load16_u (local.get $s)) (i32.const 0x4B4F)))
                      (then (local.set $d (i32.const 0))))
                    (if (i32.eq (local.get $len) (i32.const 6))
                      (then
                        (if (i32.and (i32.eq (i32.load (local.get $s)) (i32.const 0x41444F4E)) (i32.eq (i32.load16_u offset=4 (local.get $s)) (i32.const 0x4154)))
                          (then (local.set $d (i32.const 1))))))
                    (if (i32.eq (local.get $len) (i32.const 8))
                      (then
                        (if (i64.eq (i64.load (local.get $s)) (i64.const 0x4154414450494B53))
                          (then (local.set $d (i32.const 2))))))
                    (br_if $handBack (i32.lt_s (local.get $d) (i32.const 0)))
                    (if (i32.and (local.get $kind) (i32.const 8))
                      (then
                        (f64.store (local.get $slot) (f64.convert_i32_u (local.get $d)))
                        (i32.store offset=8 (local.get $slot) (local.get $s))))
                    (br $read))
                  ;; Text: a run of bytes other than space; kept only when ASCII.
                  (local.set $or (i32.const 0))
                  (block $textEnd
                    (loop $byte
                      (br_if $textEnd (i32.ge_u (local.get $p) (local.get $to)))
                      (local.set $c (i32.load8_u (local.get $p)))
                      (br_if $textEnd (i32.eq (local.get $c) (i32.const 32)))
                      (local.set $or (i32.or (local.get $or) (local.get $c)))
                      (local.set $p (i32.add (local.get $p) (i32.const 1)))
                      (br $byte)))
                  (br_if $handBack (i32.eq (local.get $p) (local.get $s)))
                  (if (i32.and (local.get $kind) (i32.const 8))
                    (then
                      (br_if $handBack (i32.and (local.get $or) (i32.const 128)))
                      (i32.store offset=8 (local.get $slot) (local.get $s))
                      (i32.store offset=12 (local.get $slot) (local.get $p)))))
                ;; Every kind stops at a space or the line's end; anything else ends the field badly.
                (br_if $handBack
                  (i32.and (i32.ne (local.get $p) (local.get $to)) (i32.ne (i32.load8_u (local.get $p)) (i32.const 32))))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (if (i32.lt_u (local.get $i) (local.get $n))
              (then
                ;; One space between fields; a line that ends early has too few.
                (br_if $handBack (i32.ge_u (local.get $p) (local.get $to)))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br $field)))
            ;; After the last field, the line's end; more is too many fields.
            (br_if $handBack (i32.ne (local.get $p) (local.get $to)))
            (i32.store (local.get $rec) (i32.const 1))
            (br $line))
          unreachable)
        (i32.store (local.get $rec) (i32.const 0))
        (br $line)))
    (i32.store (i32.const 8) (local.get $at))
    (local.get $lines))
)
